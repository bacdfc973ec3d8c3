FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY processes processes
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/award-evaluation-*.jar app.jar
# Process owners may mount their own processes/ folder over this copy.
COPY processes processes
ENV AWARD_PROCESSES_DIR=/app/processes
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
