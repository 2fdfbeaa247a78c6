# Sema on Open Liberty. Hugging Face Spaces (sdk: docker) builds the repository as is:
#   docker build -t sema . && docker run -p 8000:8000 -v "$PWD/data:/data" sema
#
# The image runs what the tests ran: the Open Liberty runtime of pom.xml (the one `mvn liberty:run` and the ITs
# use) on a HotSpot 17 JVM (Temurin), so jvm.options' G1 settings and the measured memory behaviour apply.
# scripts/check-image (run by .ci/run) unpacks the same server package and starts it with the same entrypoint,
# environment and a non-root uid, since no Docker engine is available where the tests run.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY scripts/package-server scripts/
COPY deploy/docker deploy/docker
COPY src ./src
RUN scripts/package-server /opt/sema

FROM eclipse-temurin:17-jre
COPY --from=build /opt/sema /opt/sema
# Owned by uid 1000 (Hugging Face Spaces' user) and group 0 with the owner's rights, so an arbitrary uid in group 0
# (OpenShift) can write the server's logs and workarea and the data directory too.
RUN mkdir -p /data \
 && chown -R 1000:0 /opt/sema /data \
 && chmod -R g=u /opt/sema /data

# Models are never baked in (NLLB-200 weights are CC-BY-NC-4.0; see README). They download from the Hugging Face
# Hub at start-up into the Hub cache under /data, so a volume there keeps them across restarts. To serve local
# copies instead, mount them and set SEMA_MODEL_DIR (and SEMA_LID_MODEL).
VOLUME /data
ENV PORT=8000 \
    SEMA_DATA_DIR=/data \
    HF_HOME=/data/huggingface
EXPOSE 8000
USER 1000:0

# Ready = every model loaded (MicroProfile Health). Plain bash, so the check needs no curl in the image.
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/${PORT:-8000} && printf "GET /health/ready HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && head -n1 <&3 | grep -q " 200 "'

# SIGTERM (Docker's default, stated because the server depends on it): /health/ready goes DOWN while requests are still
# served for SEMA_SHUTDOWN_DRAIN_S (5 s), then Liberty's quiesce gives requests in flight up to 30 s. `docker stop`
# waits only 10 s before SIGKILL: run with --stop-timeout 40 (Compose: stop_grace_period: 40s).
STOPSIGNAL SIGTERM
ENTRYPOINT ["/opt/sema/entrypoint.sh"]
