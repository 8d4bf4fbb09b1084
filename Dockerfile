# Multi-stage build: compile and package with Maven, run the fat jar on a JRE.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY server/pom.xml server/
COPY web-client/pom.xml web-client/
COPY bench/pom.xml bench/
RUN mvn -B -q -pl server -am dependency:go-offline -DskipTests || true
COPY . .
RUN mvn -B -q -pl server -am package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --home /app crossboard && mkdir -p /app/data && chown crossboard /app/data
WORKDIR /app
COPY --from=build /src/server/target/crossboard.jar /app/crossboard.jar
USER crossboard
ENV PORT=8080 DATA_DIR=/app/data
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s CMD wget -qO- http://127.0.0.1:8080/api/health || exit 1
ENTRYPOINT ["java", "-XX:+UseZGC", "-jar", "/app/crossboard.jar"]
