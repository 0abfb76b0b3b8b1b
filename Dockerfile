# One image for both shapes of production:
#   web:       gunicorn --bind 0.0.0.0:8000 --workers 4 "web:create_app()"
#   scheduler: zow scheduler            (exactly one such process per installation)
FROM node:20-bookworm-slim AS assets
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 ZOW_ENV=production
WORKDIR /app
COPY pyproject.toml README.md NOTICE requirements.lock ./
# Every dependency from the lock, checked against its hashes; then the project itself.
RUN pip install --no-cache-dir --require-hashes -r requirements.lock
COPY matcher matcher
COPY models models
COPY jobs jobs
COPY web web
COPY --from=assets /build/node_modules/@utrecht/component-library-css/dist/index.css web/static/vendor/utrecht/component-library.css
COPY --from=assets /build/node_modules/@utrecht/design-tokens/dist/index.css web/static/vendor/utrecht/design-tokens.css
COPY --from=assets /build/node_modules/chart.js/dist/chart.umd.min.js web/static/vendor/chartjs/chart.umd.min.js
# Compile the translations before the package (with its data files) is installed.
RUN pybabel -q compile -d web/translations \
    && pip install --no-cache-dir --no-deps . && useradd --system --uid 10001 zow
USER zow
EXPOSE 8000
# Migrations run once per release: `docker run IMAGE zow db upgrade`.
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "--workers", "4", "--access-logfile", "-", "web:create_app()"]
