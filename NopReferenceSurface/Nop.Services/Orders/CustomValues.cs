using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace Nop.Services.Orders;

/// <summary>
/// Reference surface (complete, working): the custom values of a payment request, serialized into
/// Order.CustomValuesXml. The XML layout is nopCommerce's stored format:
/// &lt;DictionarySerializer&gt;&lt;item&gt;&lt;key/&gt;&lt;value/&gt;&lt;displayToCustomer/&gt;&lt;location/&gt;&lt;createdOn/&gt;&lt;/item&gt;...
/// (location = enum number, createdOn = DateTime ticks or 0).
/// </summary>
public partial class CustomValues : List<CustomValue>
{
    private const string RootElementName = "DictionarySerializer";
    private const string ItemElementName = "item";

    public virtual List<CustomValue> GetValuesByDisplayLocation(CustomValueDisplayLocation displayLocation)
    {
        var found = new List<CustomValue>();
        foreach (var customValue in this)
        {
            if (customValue.DisplayLocation == displayLocation)
                found.Add(customValue);
        }

        return found;
    }

    public virtual string SerializeToXml()
    {
        if (Count == 0)
            return string.Empty;

        var items = new List<XElement>(Count);
        foreach (var customValue in this)
        {
            items.Add(new XElement(ItemElementName,
                new XElement("key", customValue.Name),
                new XElement("value", customValue.Value),
                new XElement("displayToCustomer", customValue.DisplayToCustomer),
                new XElement("location", (int)customValue.DisplayLocation),
                new XElement("createdOn", customValue.CreatedOnUtc.HasValue ? customValue.CreatedOnUtc.Value.Ticks : 0L)));
        }

        var document = new XDocument(new XElement(RootElementName, items));
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        document.Save(writer, SaveOptions.DisableFormatting);

        return writer.ToString();
    }

    public virtual void FillByXml(string customValuesXml, bool displayToCustomerOnly = false)
    {
        Clear();

        if (string.IsNullOrWhiteSpace(customValuesXml))
            return;

        XElement root;
        try
        {
            root = XDocument.Parse(customValuesXml).Root;
        }
        catch (XmlException)
        {
            // unreadable content is treated as "no values"
            return;
        }

        if (root == null)
            return;

        var parsed = new List<CustomValue>();
        foreach (var item in root.Elements(ItemElementName))
        {
            var key = item.Element("key");
            var value = item.Element("value");
            if (key == null || value == null)
                return; // a malformed item invalidates the whole content, leaving the list empty

            // older content lacks these elements: shown to the customer, in the payment block, no date
            var location = CustomValueDisplayLocation.Payment;
            if (int.TryParse(item.Element("location")?.Value, out var locationNumber)
                && Enum.IsDefined(typeof(CustomValueDisplayLocation), locationNumber))
            {
                location = (CustomValueDisplayLocation)locationNumber;
            }

            var displayToCustomer = true;
            if (bool.TryParse(item.Element("displayToCustomer")?.Value, out var display))
                displayToCustomer = display;

            DateTime? createdOnUtc = null;
            if (long.TryParse(item.Element("createdOn")?.Value, out var ticks) && ticks > 0)
                createdOnUtc = new DateTime(ticks);

            if (displayToCustomer || !displayToCustomerOnly)
                parsed.Add(new CustomValue(key.Value, value.Value, location, displayToCustomer, createdOnUtc));
        }

        AddRange(parsed);
    }

    public virtual bool Remove(string name)
    {
        return TryGetValue(name, out var customValue) && Remove(customValue);
    }

    public virtual bool TryGetValue(string name, out CustomValue customValue)
    {
        customValue = null;
        foreach (var candidate in this)
        {
            if (candidate.Name.Equals(name))
            {
                customValue = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Gets the value with this name (throws InvalidOperationException when absent); setting replaces any value
    /// with this name by a new one with the default location (Payment) shown to the customer.
    /// </summary>
    public virtual string this[string name]
    {
        get
        {
            if (!TryGetValue(name, out var customValue))
                throw new InvalidOperationException($"No custom value named '{name}'.");

            return customValue.Value;
        }
        set
        {
            Remove(name);
            Add(new CustomValue(name, value));
        }
    }
}
