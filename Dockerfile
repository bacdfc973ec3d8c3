FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY processes processes
# Extracted (the jar beside its libraries) so that the JVM can keep a class data archive of it; done here, so that the
# runtime image holds the libraries once, not also inside the jar.
RUN mvn -B -q package -DskipTests && cp target/award-evaluation-*.jar app.jar \
    && java -Djarmode=tools -jar app.jar extract --destination application

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/application application
# Process owners may mount their own processes/ folder over this copy.
COPY processes processes
ENV AWARD_PROCESSES_DIR=/app/processes
# A training run on a database in memory, ended once the application has started: the classes it loaded go into
# application.jsa, which each start then maps instead of loading them (docs/BENCHMARKS.md, start-up).
RUN java -XX:ArchiveClassesAtExit=/app/application.jsa -Dspring.context.exit=onRefresh -jar /app/application/app.jar \
      --spring.datasource.url=jdbc:h2:mem:training --award.admin-password=training --award.processes-watch=false
EXPOSE 8080
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/application.jsa", "-jar", "/app/application/app.jar"]
