# syntax=docker/dockerfile:1
# Build stage: compile and package the jar (tests run in CI, not here).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -ntp -q dependency:go-offline
COPY src ./src
RUN mvn -B -ntp -q package -DskipTests

# Runtime stage: a JRE only, running as an unprivileged user.
FROM eclipse-temurin:17-jre
RUN groupadd --system mjbridge && useradd --system --gid mjbridge --home-dir /app mjbridge \
    && mkdir -p /app /data && chown mjbridge:mjbridge /app /data
WORKDIR /app
# launch/prepare unpacks the jar into /app (mj-bridge.jar + lib/) and makes the class-data-sharing
# archive /app/mj-bridge.jsa with a training run. It runs here, in the runtime image, because the
# archive is only valid for the JVM that made it and for these exact jar files at these paths.
# launch/jvm.options holds the JVM settings; /app/mj-bridge starts java with them (docs/performance.md).
COPY launch/ /tmp/launch/
COPY --from=build /src/target/mj-bridge.jar /tmp/mj-bridge.jar
RUN /tmp/launch/prepare /tmp/mj-bridge.jar /app && rm -rf /tmp/launch /tmp/mj-bridge.jar
# Tasks live in an H2 file under /data unless SPRING_DATASOURCE_URL points elsewhere.
# Mount your accounts file at /app/accounts.yml (or set MJ_ACCOUNTS_FILE); without one
# the container runs in sandbox mode.
ENV SPRING_DATASOURCE_URL="jdbc:h2:file:/data/mj-bridge;WRITE_DELAY=0"
VOLUME ["/data"]
USER mjbridge
EXPOSE 8080
ENTRYPOINT ["/app/mj-bridge"]
