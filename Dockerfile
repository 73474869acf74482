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
COPY --from=build /src/target/mj-bridge.jar /app/mj-bridge.jar
# Tasks live in an H2 file under /data unless SPRING_DATASOURCE_URL points elsewhere.
# Mount your accounts file at /app/accounts.yml (or set MJ_ACCOUNTS_FILE); without one
# the container runs in sandbox mode.
ENV SPRING_DATASOURCE_URL="jdbc:h2:file:/data/mj-bridge;WRITE_DELAY=0" \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Djava.awt.headless=true"
VOLUME ["/data"]
USER mjbridge
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/mj-bridge.jar"]
