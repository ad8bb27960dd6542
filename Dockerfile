# kansa in a container. Build: `docker build -t kansa .`; run a scheduled scan with the history
# store and the outputs on a volume:
#   docker run --rm -v "$PWD/exports:/in:ro" -v kansa-data:/data kansa scan --input /in --output /data/findings.json
#
# Base image: node:24-slim. Production builds pin it by digest (refresh deliberately with
# `docker buildx imagetools inspect node:24-slim`, then build with --build-arg NODE_IMAGE=…):
#   node:24-slim@sha256:a9f5f7c91a432850b2a8a7797adf5eadb6c733ceed61167806cee7ea7fbc29df
# The FROM lines take the tag so that a local stand-in of the same name builds offline.
ARG NODE_IMAGE=node:24-slim

# Build stage: the package exactly as it is published (npm pack runs the build to dist/ and
# keeps only package.json's "files"), unpacked, with the locked production dependencies only.
FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN mkdir -p pack /opt/kansa \
 && npm pack --pack-destination pack \
 && tar -xzf pack/kansa-*.tgz -C /opt/kansa --strip-components=1 \
 && cp package-lock.json /opt/kansa/ \
 && cd /opt/kansa \
 && npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && npm cache clean --force

FROM ${NODE_IMAGE}
ARG VERSION=0.1.0
LABEL org.opencontainers.image.title="kansa" \
      org.opencontainers.image.description="Multi-cloud configuration compliance scanner for Japanese public-sector cloud guidelines (Osaka, Kobe, national)" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.source="https://github.com/kansa-dev/kansa" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.base.name="docker.io/library/node:24-slim"
ENV NODE_ENV=production \
    KANSA_STORE_URL=/data/history.sqlite
WORKDIR /opt/kansa
COPY --from=build /opt/kansa ./
# The history store and the reports go to /data: mount a volume there so they outlive the container.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
WORKDIR /data
ENTRYPOINT ["node", "/opt/kansa/bin/kansa.js"]
CMD ["--help"]
