# MOCI: the Wagtail site, served by gunicorn (see bin/start and gunicorn.conf.py).
# Runtime configuration comes from the environment: SECRET_KEY, DATABASE_URL and
# ALLOWED_HOSTS are required (see mocisite/settings/production.py).
FROM python:3.11-slim-bookworm

ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=mocisite.settings.production \
    PORT=8000

# gettext provides msgfmt for compilemessages; postgresql-client gives bin/backup and
# bin/restore pg_dump and pg_restore (15, as the compose stack). Everything else (psycopg, Pillow)
# comes as self-contained wheels. Not pinned: Debian stable only ships security
# fixes, and a pinned version disappears from the archive when one lands.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext postgresql-client \
    && rm -rf /var/lib/apt/lists/*

# A fixed, numeric id so that volume ownership is predictable on the host.
RUN groupadd --system --gid 10001 moci \
    && useradd --system --uid 10001 --gid moci --no-log-init \
        --home-dir /app --no-create-home --shell /usr/sbin/nologin moci

WORKDIR /app

COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

# The code stays owned by root: the app user can read it but not change it.
COPY . .

# Translations and static files are built into the image. Production settings
# refuse to load without their required variables, so give them build-only
# values here; they do not persist into the image.
RUN export SECRET_KEY=build-only DATABASE_URL=sqlite:////tmp/build.sqlite3 ALLOWED_HOSTS=localhost \
    && if [ -n "$(find . -path '*/locale/*' -name '*.po' -print -quit)" ]; then python manage.py compilemessages; fi \
    && python manage.py collectstatic --noinput \
    && rm -f /tmp/build.sqlite3 \
    && mkdir -p /app/media \
    && chown moci:moci /app/media

VOLUME ["/app/media"]

USER 10001:10001

EXPOSE 8000

# No curl in the slim image: ask /health/ with Python (200 when the database
# answers, and Redis when REDIS_URL is set; 503 otherwise). The request must look
# like it came through the TLS proxy and carry a Host from ALLOWED_HOSTS (the
# first one that is not a wildcard).
HEALTHCHECK --interval=30s --timeout=10s --start-period=120s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request as u; hosts = [h.strip().lstrip('.') for h in os.environ.get('ALLOWED_HOSTS', '').split(',') if h.strip() not in ('', '*')]; req = u.Request('http://127.0.0.1:' + os.environ.get('PORT', '8000') + '/health/', headers={'Host': (hosts or ['localhost'])[0], 'X-Forwarded-Proto': 'https'}); u.urlopen(req, timeout=8)"]

CMD ["bin/start"]
