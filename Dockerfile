# syntax=docker/dockerfile:1
# The service image. Build: docker build -t metastasectomy-cds .   Run: docker run -p 8080:8080 metastasectomy-cds
# The build stage needs the internet once (Maven Central) for the wrapper's Maven and the dependencies.

FROM eclipse-temurin:17-jdk-noble AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
# dependencies in their own layer: rebuilt only when pom.xml changes
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
COPY cds-hooks/ cds-hooks/
COPY fhir-profiles/ fhir-profiles/
# the tests run in CI (.ci/run); the image build packages what CI tested
RUN ./mvnw -B -q package -Dmaven.test.skip=true && cp target/metastasectomy-cds-*.jar /app.jar

FROM eclipse-temurin:17-jre-noble
RUN groupadd --system --gid 10001 cds \
 && useradd --system --uid 10001 --gid cds --home-dir /app --no-create-home --shell /usr/sbin/nologin cds \
 && mkdir -p /app/data && chown cds:cds /app/data
WORKDIR /app
COPY --from=build /app.jar /app/app.jar
# numeric user, so Kubernetes can verify runAsNonRoot
USER 10001:10001
EXPOSE 8080
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
# ready = knowledge loaded and valid (see management.endpoint.health.group.readiness in application.yaml)
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS "http://localhost:${SERVER_PORT:-8080}/actuator/health/readiness" > /dev/null || exit 1
# A JVM out of memory is broken for good (threads die, the service hangs half alive): exit, so that Docker or
# Kubernetes restarts it. In the entry point, not in JAVA_TOOL_OPTIONS, so that overriding the options keeps it.
# No heap dump on the way out: it would hold patient data.
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/app.jar"]
