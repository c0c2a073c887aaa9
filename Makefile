# cadre — the two commands of the README:
#   make        installs what is missing, builds cadre, produces Output/
#   make test   installs what is missing, builds, runs every test
# and the benchmark:
#   make bench

.PHONY: all setup build test bench clean

all: build
	.build/release/cadre build --format all
	.build/release/cadre strategie --all --format all --jobs 2

setup:
	scripts/setup

build: setup
	swift build -c release --product cadre

test:
	scripts/setup --test
	swift build --build-tests
	swift test --skip-build

bench: build
	scripts/setup --bench
	Benchmarks/run

clean:
	rm -rf .build Output/*/ Benchmarks/work
