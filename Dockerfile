# Corridor's API as a small static image: `docker build -t corridor .`
# The binary embeds the GraphQL schema, the bundled dataset, the Cypher
# statements and the playground's assets, so the image holds nothing else.
# Used by docker-compose.yml for both the one-shot seed job and the API.

# --- build: a static binary (no cgo, no libc) ---
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# VERSION is reported by Query.about.serviceVersion: docker build --build-arg VERSION=v1.2.3 .
ARG VERSION=dev
RUN CGO_ENABLED=0 GOOS=linux go build -trimpath -ldflags="-s -w -X main.version=${VERSION}" -o /out/corridor . \
 && /out/corridor version

# --- run: distroless static, as the unprivileged nonroot user (uid 65532) ---
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/corridor /usr/local/bin/corridor
USER nonroot:nonroot
WORKDIR /home/nonroot
ENV PORT=8080 \
    CORRIDOR_DATA_DIR=/home/nonroot/data \
    CORRIDOR_LOG_FORMAT=json
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/corridor"]
CMD ["serve"]
