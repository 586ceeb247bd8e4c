# PostgreSQL 15 and MariaDB for the proofs that run on the engines stores use (issue #14). Sourced by .ci/run; also
# usable by hand:
#
#   source .ci/engines.sh && engines_install && engines_start && dotnet test; engines_stop
#
# Each server gets a throwaway data folder under one temporary folder, listens on 127.0.0.1 only, on a free port, with a
# random password, and is stopped (and its folder removed) by engines_stop. The connection strings reach the tests
# through QFPAY_TEST_POSTGRES and QFPAY_TEST_MARIADB; without them the engine suites say they were skipped (and fail
# when CI=true). Needs root: Debian's packages, and the servers run as their own system users (initdb and postgres
# refuse to run as root).

ENGINES_DIR=""
ENGINES_PG_BIN=/usr/lib/postgresql/15/bin

engines_install() {
    local missing=()
    [ -x "$ENGINES_PG_BIN/postgres" ] || missing+=(postgresql-15)
    command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] || missing+=(mariadb-server)
    if [ ${#missing[@]} -eq 0 ]; then
        echo "already installed: postgresql-15, mariadb-server"
        return 0
    fi

    echo "installing ${missing[*]}"
    # Debian's maintainer scripts would start the packaged services; the tests start their own servers instead.
    local policy=/usr/sbin/policy-rc.d added_policy=""
    if [ ! -e "$policy" ]; then
        printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod +x "$policy" && added_policy=1
    fi
    apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
    local status=$?
    [ -n "$added_policy" ] && rm -f "$policy"
    return $status
}

# A TCP port on 127.0.0.1 that nothing listens on now.
engines_free_port() {
    local port tries=0
    while [ $tries -lt 200 ]; do
        port=$((20000 + RANDOM % 30000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
        tries=$((tries + 1))
    done
    echo "no free port found" >&2
    return 1
}

engines_start() {
    ENGINES_DIR=$(mktemp -d /tmp/qfpay-engines.XXXXXX) || return 1
    chmod 755 "$ENGINES_DIR"
    engines_start_postgres && engines_start_mariadb
}

engines_start_postgres() {
    local dir="$ENGINES_DIR/postgres" port password
    port=$(engines_free_port) || return 1
    password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
    mkdir -p "$dir" && chown postgres:postgres "$dir" && chmod 700 "$dir"
    printf '%s\n' "$password" > "$ENGINES_DIR/pg.pw" && chown postgres "$ENGINES_DIR/pg.pw"
    runuser -u postgres -- "$ENGINES_PG_BIN/initdb" -D "$dir/data" -U postgres --pwfile="$ENGINES_DIR/pg.pw" \
        --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$ENGINES_DIR/pg-initdb.log" 2>&1 \
        || { cat "$ENGINES_DIR/pg-initdb.log"; return 1; }
    rm -f "$ENGINES_DIR/pg.pw"
    # Two web nodes with nopCommerce's default pool (100 each) plus the test's own connections fit under 300.
    # fsync and friends off: the data folder is thrown away, and durability is not what the proofs are about.
    runuser -u postgres -- "$ENGINES_PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o \
        "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        >/dev/null || { cat "$dir/server.log"; return 1; }
    export QFPAY_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=$password;Database=postgres"
    echo "PostgreSQL $("$ENGINES_PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $dir)"
}

engines_start_mariadb() {
    local dir="$ENGINES_DIR/mariadb" port password
    port=$(engines_free_port) || return 1
    password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
    mkdir -p "$dir" && chown mysql:mysql "$dir"
    mariadb-install-db --no-defaults --datadir="$dir/data" --user=mysql --auth-root-authentication-method=socket \
        --skip-test-db >"$ENGINES_DIR/mariadb-install.log" 2>&1 || { cat "$ENGINES_DIR/mariadb-install.log"; return 1; }
    # Debian's packaged server defaults to utf8mb4 / utf8mb4_general_ci; nopCommerce creates its database with the
    # server's defaults unless told otherwise, so the tests get what a store on Debian's MariaDB gets.
    (setsid mariadbd --no-defaults --datadir="$dir/data" --user=mysql --bind-address=127.0.0.1 --port="$port" \
        --socket="$dir/mariadb.sock" --pid-file="$dir/mariadb.pid" --log-error="$dir/server.log" --skip-log-bin \
        --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci --max-connections=300 \
        --innodb-flush-log-at-trx-commit=0 --innodb-buffer-pool-size=128M </dev/null >/dev/null 2>&1 &)
    local waited=0
    until mariadb-admin --no-defaults --socket="$dir/mariadb.sock" -u root ping >/dev/null 2>&1; do
        sleep 0.5
        waited=$((waited + 1))
        if [ $waited -gt 120 ]; then
            cat "$dir/server.log"
            return 1
        fi
    done
    mariadb --no-defaults --socket="$dir/mariadb.sock" -u root -e \
        "CREATE USER 'qfpay'@'127.0.0.1' IDENTIFIED BY '$password'; GRANT ALL PRIVILEGES ON *.* TO 'qfpay'@'127.0.0.1';" || return 1
    export QFPAY_TEST_MARIADB="Server=127.0.0.1;Port=$port;User ID=qfpay;Password=$password"
    echo "MariaDB $(mariadb --no-defaults --socket="$dir/mariadb.sock" -u root -N -e 'SELECT VERSION()') on 127.0.0.1:$port (data in $dir)"
}

engines_stop() {
    # Runs from .ci/run's EXIT trap (under set -e): nothing here may fail the script.
    if [ -z "$ENGINES_DIR" ] || [ ! -d "$ENGINES_DIR" ]; then
        return 0
    fi
    if [ -f "$ENGINES_DIR/postgres/data/postmaster.pid" ]; then
        runuser -u postgres -- "$ENGINES_PG_BIN/pg_ctl" -D "$ENGINES_DIR/postgres/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    if [ -f "$ENGINES_DIR/mariadb/mariadb.pid" ]; then
        local pid
        pid=$(cat "$ENGINES_DIR/mariadb/mariadb.pid" 2>/dev/null || true)
        if [ -n "$pid" ]; then
            kill "$pid" 2>/dev/null || true
            for _ in $(seq 1 60); do
                kill -0 "$pid" 2>/dev/null || break
                sleep 0.5
            done
            kill -9 "$pid" 2>/dev/null || true
        fi
    fi
    # Silent: .ci/run's last line must stay its "N passed, N failed" summary.
    rm -rf "$ENGINES_DIR" || true
    ENGINES_DIR=""
    unset QFPAY_TEST_POSTGRES QFPAY_TEST_MARIADB
}
