# Spreadwatch: the user interface. Every target installs what it needs first.
# Configuration is by env vars (see README.md); e.g. `make up SPREADWATCH_KAFKA_PORT=19092`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# Every target runs on Node 24 LTS: the system's node when it is recent enough, else the pinned build that
# infra/native/node-runtime.sh installs from the npm registry into .spreadwatch/node.
NODE_BIN_DIR := $(shell bash infra/native/node-runtime.sh)
ifeq ($(NODE_BIN_DIR),)
$(error could not provide Node 24 (see the message above))
endif
export PATH := $(NODE_BIN_DIR):$(PATH)
STACK := node_modules/.bin/tsx infra/native/src/cli.ts

.PHONY: help install up up-stack down status logs submit-jobs produce test test-unit lint typecheck fetch \
	bench bench-producer bench-flink bench-api bench-web bench-e2e

help: ## list the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

node_modules/.package-lock.json: package.json package-lock.json $(wildcard apps/*/package.json packages/*/package.json infra/native/package.json)
	@echo "installing npm packages (npm ci)"
	npm ci --no-audit --no-fund
	@touch $@

install: node_modules/.package-lock.json ## install npm packages from package-lock.json

fetch: install ## install the JDK/Maven/PostgreSQL prerequisites and fetch the servers, without starting them
	@$(STACK) fetch

up: install ## start the whole system (stack, Flink jobs, API + dashboard, producer); returns when healthy
	@$(STACK) up

up-stack: install ## start only the servers (Kafka, registry, Flink, PostgreSQL)
	@$(STACK) up --stack-only

down: install ## stop exactly the processes the stack started
	@$(STACK) down

status: install ## each service's pid, health, restarts, last exit and memory
	@$(STACK) status

logs: install ## recent log lines of every service (SERVICE=kafka FOLLOW=1 for one, live)
	@$(STACK) logs $(SERVICE) $(if $(FOLLOW),--follow)

submit-jobs: install ## submit the Flink SQL jobs (NAMESPACE=x for topic market_events.x and schema x; JOBS_ARGS for list/cancel/stop)
	@node_modules/.bin/tsx packages/flink-jobs/src/submit-jobs.ts $(if $(NAMESPACE),--namespace $(NAMESPACE)) $(JOBS_ARGS)

produce: install ## run the market simulator with demo defaults; ARGS='--seed 7 --count 1000 --dry-run'
	@node_modules/.bin/tsx apps/producer/src/main.ts $(or $(ARGS),--rate 200 --event-rate 200)

bench: bench-producer bench-flink bench-api bench-web bench-e2e ## every benchmark (prints figures)

bench-producer: install ## events/s into Kafka with Avro, against Kafka's own ProducerPerformance
	@$(STACK) up --stack-only
	@node_modules/.bin/tsx apps/producer/bench/producer-bench.ts

bench-flink: install ## window-to-PostgreSQL latency and source-to-sink throughput, against a datagen ceiling
	@$(STACK) up --stack-only
	@node_modules/.bin/tsx packages/flink-jobs/bench/flink-bench.ts

bench-api: install ## requests/s and p99 of the latest-window route at 200 connections; SSE alert latency (SYMBOLS=N)
	@$(STACK) up --stack-only
	@node_modules/.bin/tsx apps/api/bench/api-bench.ts $(if $(SYMBOLS),--symbols $(SYMBOLS))

bench-web: install ## dashboard with 500 symbols (SYMBOLS=N): first render, alert-to-DOM latency, sort and scroll times
	@$(STACK) up --stack-only
	@node_modules/.bin/tsx apps/web/bench/dashboard-bench.ts $(if $(SYMBOLS),--symbols $(SYMBOLS))

bench-e2e: install ## producer -> Kafka -> both Flink jobs -> PostgreSQL events/s, windows checked (COUNT=2000000 SYMBOLS=12)
	@$(STACK) up --stack-only
	@node_modules/.bin/tsx infra/native/bench/e2e-bench.ts $(if $(COUNT),--count $(COUNT)) $(if $(SYMBOLS),--symbols $(SYMBOLS))

test: install ## every check: typecheck and lint, unit tests, then integration tests against the real stack
	node_modules/.bin/turbo run typecheck lint --output-logs=errors-only
	@$(STACK) fetch --browser
	node_modules/.bin/vitest run --project unit
	node_modules/.bin/vitest run --project integration

test-unit: install ## unit tests only (no servers needed)
	node_modules/.bin/vitest run --project unit

lint: install ## lint every workspace
	node_modules/.bin/turbo run lint

typecheck: install ## type-check every workspace
	node_modules/.bin/turbo run typecheck
