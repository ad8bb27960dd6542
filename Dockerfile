# kansa in a container: `docker build -t kansa .` then
#   docker run --rm -v "$PWD/exports:/in:ro" kansa scan --input /in
FROM node:24-slim
WORKDIR /opt/kansa
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY bin ./bin
COPY src ./src
COPY policies ./policies
USER node
ENTRYPOINT ["node", "/opt/kansa/bin/kansa.js"]
