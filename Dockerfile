# Sema on Open Liberty. Builds the WAR inside Docker so Hugging Face Spaces (sdk: docker) can build the
# repository as is:  docker build -t sema . && docker run -p 8000:8000 -v $PWD/models:/models sema

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY src ./src
RUN mvn -B -q -DskipTests package

FROM icr.io/appcafe/open-liberty:kernel-slim-java17-openj9-ubi
# Features first (cached layer): features.sh installs exactly what server.xml names.
COPY --chown=1001:0 src/main/liberty/config/server.xml src/main/liberty/config/jvm.options /config/
RUN features.sh
COPY --chown=1001:0 --from=build /src/target/sema.war /config/apps/sema.war
RUN configure.sh

USER root
RUN mkdir -p /models && chown 1001:0 /models && chmod g+rwX /models
USER 1001

# Models are never baked in (NLLB-200 weights are CC-BY-NC-4.0; see README). By default they download from
# the Hugging Face Hub at start-up into the Hub cache on this volume, so a restart reuses them. To serve a local
# copy instead, mount it and set SEMA_MODEL_DIR (and SEMA_LID_MODEL) to its path.
VOLUME /models
ENV PORT=8000 \
    HF_HOME=/models/huggingface
EXPOSE 8000

# Ready = every model loaded (MicroProfile Health). Plain bash, so the check needs no curl in the image.
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/${PORT:-8000} && printf "GET /health/ready HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && head -n1 <&3 | grep -q " 200 "'
