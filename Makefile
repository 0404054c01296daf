# Spreadwatch: the user interface. Every target installs what it needs first.
# Configuration is by env vars (see README.md); e.g. `make up SPREADWATCH_KAFKA_PORT=19092`.
SHELL := /bin/bash
.DEFAULT_GOAL := help
STACK := npx --no-install tsx infra/native/src/cli.ts

.PHONY: help install up down status logs test test-unit test-integration lint typecheck fetch

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

node_modules/.package-lock.json: package.json package-lock.json $(wildcard apps/*/package.json packages/*/package.json infra/native/package.json)
	@echo "installing npm packages (npm ci)"
	npm ci --no-audit --no-fund
	@touch $@

install: node_modules/.package-lock.json ## install npm packages from package-lock.json

fetch: install ## install the JDK/Maven/PostgreSQL prerequisites and fetch the servers, without starting them
	@$(STACK) fetch

up: install ## start the whole system and wait until it is healthy
	@$(STACK) up

down: install ## stop every process the stack started
	@$(STACK) down

status: install ## each service's pid, health and memory
	@$(STACK) status

logs: install ## recent log lines of every service (SERVICE=kafka FOLLOW=1 for one, live)
	@$(STACK) logs $(SERVICE) $(if $(FOLLOW),--follow)

test: install ## every test: unit tests, then integration tests against the real stack
	@$(STACK) fetch
	npx --no-install vitest run --project unit
	npx --no-install vitest run --project integration

test-unit: install ## unit tests only (no servers needed)
	npx --no-install vitest run --project unit

lint: install ## lint every workspace
	npx --no-install turbo run lint

typecheck: install ## type-check every workspace
	npx --no-install turbo run typecheck
