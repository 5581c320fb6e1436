#!/usr/bin/env bash
# Runs ALL of Kasse's tests. This is the one command to run on a fresh machine:
#
#   ./test.sh                          # everything
#   ./test.sh --filter-class '*Sale*'  # extra arguments go to `dotnet test` as they are
#
# The tests need PostgreSQL. By default they use 127.0.0.1:5432 with the login role
# `kasse` (password `kasse`, CREATEDB); the test fixture creates and drops its own
# databases with it. Run as root (as CI does), this script installs the Debian packages
# below when they are missing, starts the PostgreSQL cluster and creates the role.
# Run as another user, it only checks that PostgreSQL is reachable and says what to do
# if it is not. To use a server of your own, set KASSE_TEST_POSTGRES to an Npgsql
# connection string; then PostgreSQL is neither installed nor started.
#
# The last line printed is the summary across all test projects:
#   N passed, M failed[, K skipped]
# The exit code is non-zero if the build failed, any test failed, or no test ran.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

# Debian packages the tests need. Add to this list when a test needs another one.
# chromium: the browser tests (tests/Kasse.Browser.Tests) drive Debian's Chromium with Playwright.
APT_PACKAGES=(postgresql libxml2-utils fonts-dejavu-core chromium)

PG_HOST=127.0.0.1
PG_PORT=5432
PG_ROLE=kasse
PG_PASSWORD=kasse
DEFAULT_CONNECTION="Host=${PG_HOST};Port=${PG_PORT};Username=${PG_ROLE};Password=${PG_PASSWORD};Database=postgres"

export DOTNET_NOLOGO="${DOTNET_NOLOGO:-1}"

say() { printf '==> %s\n' "$*"; }
die() { printf '\ntest.sh: %s\n' "$*" >&2; exit 1; }

is_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

missing_packages() {
  local p
  for p in "$@"; do
    is_installed "$p" || printf '%s\n' "$p"
  done
}

# apt-get in C.UTF-8, so that the cluster created by postgresql's install is UTF-8
# whatever the caller's locale.
apt() { DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 LC_ALL=C.UTF-8 apt-get -q "$@"; }

# apt-get install; runs `apt-get update` only if the install fails without it.
apt_install() {
  local out
  out="$(mktemp)"
  say "Installing Debian packages: $*"
  if ! apt install -y --no-install-recommends "$@" >"$out" 2>&1; then
    say "Install failed; running apt-get update and trying again"
    if ! { apt update && apt install -y --no-install-recommends "$@"; } >"$out" 2>&1; then
      tail -n 30 "$out" >&2
      rm -f "$out"
      die "apt-get install $* failed (output above)."
    fi
  fi
  rm -f "$out"
}

kasse_can_connect() {
  command -v psql >/dev/null 2>&1 &&
    PGPASSWORD="$PG_PASSWORD" PGCONNECT_TIMEOUT=5 \
      psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_ROLE" -d postgres -qAtX -c 'select 1' >/dev/null 2>&1
}

# Newest installed PostgreSQL major version (15 on Debian 12), empty if none.
pg_version() {
  local d
  for d in /usr/lib/postgresql/*/bin/postgres; do
    [[ -e "$d" ]] || continue
    d="${d#/usr/lib/postgresql/}"
    printf '%s\n' "${d%%/*}"
  done | sort -V | tail -n 1
}

# As root: start the Debian cluster on PG_PORT (creating one if there is none),
# wait until it accepts connections, and create or update the kasse role.
start_postgres_as_root() {
  local ver name port status line
  if ! command -v pg_lsclusters >/dev/null 2>&1; then
    die "pg_lsclusters not found although postgresql is installed."
  fi
  line="$(pg_lsclusters -h 2>/dev/null | awk -v p="$PG_PORT" '$3 == p && !found { print; found = 1 }' || true)"
  if [[ -z "$line" ]]; then
    ver="$(pg_version)"
    [[ -n "$ver" ]] || die "PostgreSQL server binaries not found under /usr/lib/postgresql."
    say "Creating PostgreSQL $ver cluster 'main' on port $PG_PORT"
    pg_createcluster "$ver" main --port "$PG_PORT" --locale C.UTF-8 --encoding UTF8 >/dev/null
    line="$(pg_lsclusters -h | awk -v p="$PG_PORT" '$3 == p && !found { print; found = 1 }' || true)"
  fi
  read -r ver name port status _ <<<"$line"
  if [[ "$status" != online* ]]; then
    say "Starting PostgreSQL $ver/$name on port $port"
    # Retried: right after a server was killed, its lock files name a process that
    # may not have been reaped yet, and the first start can fail on them.
    local tries=0 out
    until out="$(pg_ctlcluster "$ver" "$name" start 2>&1)"; do
      if ((++tries >= 10)); then
        printf '%s\n' "$out" >&2
        tail -n 5 "/var/log/postgresql/postgresql-$ver-$name.log" >&2 || true
        die "could not start PostgreSQL $ver/$name (log: /var/log/postgresql/postgresql-$ver-$name.log)."
      fi
      sleep 1
    done
  fi
  local i
  for ((i = 1; i <= 30; i++)); do
    pg_isready -q -h "$PG_HOST" -p "$PG_PORT" -t 1 && break
    ((i == 30)) && die "PostgreSQL $ver/$name did not accept connections on $PG_HOST:$PG_PORT within 30 s."
    sleep 1
  done
  # Idempotent: create the role, or make sure an existing one has the expected rights.
  (cd / && runuser -u postgres -- psql -p "$PG_PORT" -d postgres -qAtX -v ON_ERROR_STOP=1) <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${PG_ROLE}') THEN
    CREATE ROLE ${PG_ROLE} LOGIN CREATEDB PASSWORD '${PG_PASSWORD}';
  ELSE
    ALTER ROLE ${PG_ROLE} LOGIN CREATEDB PASSWORD '${PG_PASSWORD}';
  END IF;
END
\$\$;
-- A test drops its database WITH (FORCE), which must also stop an autovacuum worker that happens to be in it; that
-- worker belongs to no role the test's role is a member of, so without this the drop fails now and then.
SET client_min_messages = warning;
GRANT pg_signal_backend TO ${PG_ROLE};
SQL
  kasse_can_connect ||
    die "PostgreSQL is running but role '$PG_ROLE' cannot log in at $PG_HOST:$PG_PORT with a password; check pg_hba.conf."
  say "PostgreSQL $ver ready on $PG_HOST:$PG_PORT (role $PG_ROLE)"
}

explain_postgres_for_non_root() {
  local ver missing
  ver="$(pg_version)"
  ver="${ver:-15}"
  missing="$(missing_packages "${APT_PACKAGES[@]}" | tr '\n' ' ')"
  cat >&2 <<EOF

test.sh: PostgreSQL is not reachable at $PG_HOST:$PG_PORT as role '$PG_ROLE' (password '$PG_PASSWORD').

The tests need a running PostgreSQL server. Either run ./test.sh as root (it installs
and starts everything itself), or do these steps as root once and run it again:

  apt-get install -y ${APT_PACKAGES[*]}
  pg_ctlcluster $ver main start
  runuser -u postgres -- psql -c "CREATE ROLE $PG_ROLE LOGIN CREATEDB PASSWORD '$PG_PASSWORD'"
  runuser -u postgres -- psql -c "GRANT pg_signal_backend TO $PG_ROLE"

${missing:+Debian packages missing here: $missing
}Or point the tests at a server of your own (a role that may create databases):

  KASSE_TEST_POSTGRES='Host=...;Port=5432;Username=...;Password=...;Database=postgres' ./test.sh
EOF
  exit 1
}

# --- help and listing need no database and print no summary ---------------------------
for arg in "$@"; do
  case "$arg" in
    -h | --help | -\? | --list-tests | --info)
      exec dotnet test --solution Kasse.slnx -c Release --max-parallel-test-modules 1 "$@"
      ;;
  esac
done

command -v dotnet >/dev/null 2>&1 ||
  die "dotnet not found. Install the .NET SDK named in global.json and try again."

# --- system packages and PostgreSQL -----------------------------------------------------
packages=("${APT_PACKAGES[@]}")
if [[ -n "${KASSE_TEST_POSTGRES:-}" ]]; then
  say "Using PostgreSQL from KASSE_TEST_POSTGRES"
  packages=()
  for p in "${APT_PACKAGES[@]}"; do [[ "$p" == postgresql ]] || packages+=("$p"); done
fi

if [[ "$(id -u)" -eq 0 ]]; then
  mapfile -t missing < <(missing_packages "${packages[@]}")
  if ((${#missing[@]} > 0)); then apt_install "${missing[@]}"; fi
  if [[ -z "${KASSE_TEST_POSTGRES:-}" ]]; then
    start_postgres_as_root
  fi
else
  if [[ -z "${KASSE_TEST_POSTGRES:-}" ]]; then
    kasse_can_connect || explain_postgres_for_non_root
  fi
  mapfile -t missing < <(missing_packages "${packages[@]}")
  if ((${#missing[@]} > 0)); then
    say "Warning: Debian packages missing (some tests may fail): ${missing[*]}"
    say "         install them as root: apt-get install -y ${missing[*]}"
  fi
fi

export KASSE_TEST_POSTGRES="${KASSE_TEST_POSTGRES:-$DEFAULT_CONNECTION}"

# --- build and run the tests ---------------------------------------------------------------
args=("$@")
# A filtered run (any extra arguments) leaves some test projects with zero tests, which
# they report as exit code 8; that is expected then. Zero tests in total still fails below.
if (($# > 0)) && [[ " $* " != *" --ignore-exit-code "* ]]; then
  args+=(--ignore-exit-code 8)
fi
say "dotnet test --solution Kasse.slnx -c Release --max-parallel-test-modules 1${args[*]:+ ${args[*]}}"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
set +e
# One test project at a time: the crash, fault and fuzz runs of the server tests would otherwise starve the browser
# tests of CPU on a 2-core machine, and a till that gets its keys too slowly rightly reads a scan as typing.
dotnet test --solution Kasse.slnx -c Release --max-parallel-test-modules 1 "${args[@]}" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
set -e

# The run summary that `dotnet test` (Microsoft.Testing.Platform mode) prints last:
#   Test run summary: Passed!
#     total: 5
#     failed: 0
#     succeeded: 4
#     skipped: 1
# It adds up all test projects. Take the counts from the last such block.
count() {
  sed 's/\x1b\[[0-9;?]*[A-Za-z]//g' "$log" |
    awk -v key="$1" '
      /Test run summary:/ { in_summary = 1; value = ""; next }
      in_summary && $1 == key ":" && $2 ~ /^[0-9]+$/ { value = $2 }
      END { print value }'
}
total="$(count total)"
failed="$(count failed)"
passed="$(count succeeded)"
skipped="$(count skipped)"
errors="$(count error)"

echo
if [[ -z "$total" || -z "$passed" ]]; then
  printf 'test.sh: no test results: the build failed or no test project ran (dotnet test exit code %s).\n' "$rc" >&2
  ((rc != 0)) || rc=1
  exit "$rc"
fi
failed="${failed:-0}"
skipped="${skipped:-0}"
errors="${errors:-0}"

summary="$passed passed, $failed failed"
((skipped == 0)) || summary+=", $skipped skipped"

if ((passed + failed == 0)); then
  printf 'test.sh: no test ran.\n' >&2
  echo "$summary"
  exit 1
fi
if ((rc == 8 && failed == 0)); then
  printf 'test.sh: a test project ran no test (dotnet test exit code 8); see "Zero tests ran" above.\n' >&2
elif ((rc != 0 && failed == 0)); then
  printf 'test.sh: dotnet test exited with code %s and %s test project error(s) although no test failed (a test process may have crashed; see above).\n' "$rc" "$errors" >&2
fi
# A failing test's name and first lines come up early in a long run; repeat them last, where a log's tail shows them.
if ((failed > 0)); then
  echo
  echo "Failed tests (first lines of each; the full message is above):"
  sed 's/\x1b\[[0-9;?]*[A-Za-z]//g' "$log" |
    awk '/^failed [^ ]+ \(/ { shown = 5 } shown > 0 { print "  " $0; shown-- }'
fi
echo "$summary"
if ((failed > 0 && rc == 0)); then rc=1; fi
exit "$rc"
