namespace QfPaySimulator.Endpoints;

/// <summary>The business part of one QFPay endpoint, run after the request is read, faulted and authenticated.</summary>
internal interface IApiOperation
{
    SimulatorEndpoint Endpoint { get; }

    Task<ApiReply> HandleAsync(ApiRequest request, SimulatedMerchant merchant, CancellationToken cancellationToken);
}
