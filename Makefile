# Quick start (README): `make demo` and `make test`. Each installs what is
# missing (scripts/deps.sh), configures and builds in build/, then runs.
BUILD ?= build
BUILD_TYPE ?= Release
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
GENERATOR := $(shell command -v ninja >/dev/null 2>&1 && echo "-G Ninja")
# ccache (when installed) keys on paths relative to the checkout, so that
# another clone of the repository reuses what one has compiled.
export CCACHE_BASEDIR ?= $(CURDIR)

FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
ASAN_BUILD ?= build-asan

.PHONY: all deps configure build demo test test-asan fuzz deb clean

all: build

deps:
	@sh scripts/deps.sh

configure: deps
	@if [ ! -f $(BUILD)/CMakeCache.txt ]; then \
	  cmake -S . -B $(BUILD) $(GENERATOR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) >/dev/null; \
	fi

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	@sh scripts/demo.sh $(BUILD)

test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer.
test-asan: deps
	@if [ ! -f $(ASAN_BUILD)/CMakeCache.txt ]; then \
	  cmake -S . -B $(ASAN_BUILD) $(GENERATOR) -DCMAKE_BUILD_TYPE=Debug -DL10N_SANITIZE=ON >/dev/null; \
	fi
	@cmake --build $(ASAN_BUILD) -j $(JOBS)
	@# The packaging tests (install, deb) build and package the tree again:
	@# they run in `make test`, not once more under the sanitizers.
	@cd $(ASAN_BUILD) && ctest --output-on-failure -j $(JOBS) -LE 'install|deb'

# Every libFuzzer target for FUZZ_SECONDS each (clang, ASan + UBSan).
fuzz:
	@sh scripts/deps.sh fuzz
	@if [ ! -f $(FUZZ_BUILD)/CMakeCache.txt ]; then \
	  cmake -S . -B $(FUZZ_BUILD) $(GENERATOR) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	    -DCMAKE_CXX_COMPILER=clang++ -DL10N_FUZZ=ON >/dev/null; \
	fi
	@cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzzers
	@sh scripts/fuzz.sh $(FUZZ_BUILD) $(FUZZ_SECONDS)

# The Debian packages (debian/), built by dpkg-buildpackage -us -uc -b in a
# copy of the tree, into $(BUILD)/deb/*.deb; lintian must report no error.
deb:
	@sh scripts/deps.sh package
	@sh scripts/build-deb.sh $(BUILD)/deb

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
