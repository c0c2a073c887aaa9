# cadre — the two commands of the README:
#   make        installs what is missing, builds cadre, produces Output/
#   make test   installs what is missing, builds, runs every test (Swift, then the accessibility
#               checks of Tests/accessibility: axe-core, Nu HTML Checker, PDF structure)
# and the benchmark:
#   make bench

.PHONY: all setup build test bench clean

all: build
	.build/release/cadre build --format all
	.build/release/cadre strategie --all --format all --jobs 2
	.build/release/cadre export plaquette

setup:
	scripts/setup

build: setup
	swift build -c release --product cadre

test:
	scripts/setup --test
	swift build --build-tests
	swift test --skip-build
	PYTHONDONTWRITEBYTECODE=1 .venv-tests/bin/python -m pytest -q -p no:cacheprovider Tests/accessibility

bench: build
	scripts/setup --bench
	Benchmarks/run

clean:
	rm -rf .build Output/*/ Benchmarks/work
