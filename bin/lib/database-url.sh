# Sourced by bin/backup and bin/restore: turns DATABASE_URL into libpq's
# environment (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE, PGSSLMODE, …),
# so that pg_dump, pg_restore and psql get the password without it ever being
# on a command line, and sets PG_DESCRIPTION (the URL without its password).
# Accepts the schemes dj-database-url reads as PostgreSQL.

pg_environment() {
    local exports
    exports="$("${PYTHON:-python3}" - <<'PY'
import os
import shlex
import sys
from urllib.parse import parse_qsl, unquote, urlsplit

url = urlsplit(os.environ["DATABASE_URL"])
if url.scheme not in ("postgres", "postgresql", "pgsql", "postgis"):
    sys.exit(f"DATABASE_URL is not a PostgreSQL database ({url.scheme}://…); back up SQLite by copying its file")
name = unquote(url.path.lstrip("/"))
if not name:
    sys.exit("DATABASE_URL names no database")
variables = {
    "PGHOST": unquote(url.hostname or ""),
    "PGPORT": str(url.port or ""),
    "PGUSER": unquote(url.username or ""),
    "PGPASSWORD": unquote(url.password or ""),
    "PGDATABASE": name,
}
options = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "connect_timeout": "PGCONNECT_TIMEOUT",
    "application_name": "PGAPPNAME",
    "options": "PGOPTIONS",
}
for key, value in parse_qsl(url.query):
    if key in options:
        variables[options[key]] = value
user = f"{variables['PGUSER']}@" if variables["PGUSER"] else ""
port = f":{variables['PGPORT']}" if variables["PGPORT"] else ""
variables["PG_DESCRIPTION"] = f"postgres://{user}{variables['PGHOST']}{port}/{name}"
for key, value in variables.items():
    if value:
        print(f"export {key}={shlex.quote(value)}")
PY
)" || return 1
    eval "${exports}"
}
