# Build the patched qemu-system-riscv64 and run its checks.
# See README.md: "make demo" and "make check" are all a user needs.

-include config.mk

BASE_DIR ?=
BASE_TARBALL ?=
ENABLE_ASAN ?= no
QEMU_EXTRA_OPTS ?=

BUILD := build
LV := $(BUILD)/libvirt
SRC := $(BUILD)/src
BASE := $(BUILD)/base
QBUILD := $(BUILD)/qemu
EMU := $(BUILD)/qemu-system-riscv64
SYS_PYTHON := /usr/bin/python3

export BUILD_DIR := $(BUILD)
export BASE_DIR BASE_TARBALL

QEMU_OPTS := --target-list=riscv64-softmmu --python=$(SYS_PYTHON) \
	--disable-install-blobs --disable-download --without-default-features \
	--enable-fdt=system --enable-tcg --disable-docs --enable-werror
ifeq ($(ENABLE_ASAN),yes)
QEMU_OPTS += --enable-asan --enable-ubsan
endif
QEMU_OPTS += $(QEMU_EXTRA_OPTS)

# Writes $(1) with content $(2) only when the content changes.
define write-if-changed
	@mkdir -p $(dir $(1))
	@printf '%s\n' $(2) > $(1).tmp
	@if cmp -s $(1).tmp $(1); then rm $(1).tmp; else mv $(1).tmp $(1); fi
endef

.PHONY: all build deps refresh demo check check-libvirt libvirt check-kvm bench check-valgrind check-asan fuzz series check-series bench-kvm clean distclean FORCE

all: build

$(BUILD)/.deps-ok: scripts/install-deps
	@mkdir -p $(BUILD)
	scripts/install-deps
	@touch $@
deps: $(BUILD)/.deps-ok

$(BUILD)/base-source: FORCE
	$(call write-if-changed,$@,"$(BASE_DIR)" "$(BASE_TARBALL)")

$(BASE)/VERSION: $(BUILD)/base-source scripts/fetch-base scripts/private-apt | $(BUILD)/.deps-ok
	scripts/fetch-base $(BASE)
	@touch $@

# build/src: a git repository, the base plus patches/*/*.patch applied
# with git am.  scripts/assemble is quick when nothing changed, so it runs
# every time; it also notices commits made in build/src (make refresh).
$(BUILD)/.assembled: $(BASE)/VERSION FORCE
	SERIES_EXCLUDE=libvirt scripts/assemble $(BASE) patches $(SRC)
	@touch $@

$(BUILD)/qemu-opts: FORCE
	$(call write-if-changed,$@,$(QEMU_OPTS))

$(QBUILD)/build.ninja: $(BUILD)/qemu-opts | $(BUILD)/.assembled
	rm -rf $(QBUILD)
	mkdir -p $(QBUILD)
	cd $(QBUILD) && ../src/configure $(QEMU_OPTS)

build: $(BUILD)/.assembled $(QBUILD)/build.ninja
	ninja -C $(QBUILD) qemu-system-riscv64
	@ln -sfn qemu/qemu-system-riscv64 $(EMU)

# The +ds tarball has no firmware blobs; the base's qtests need a few.
$(QBUILD)/.firmware: $(QBUILD)/build.ninja scripts/fetch-firmware scripts/private-apt
	scripts/fetch-firmware $(QBUILD)
	@touch $@

demo: build
	$(SYS_PYTHON) scripts/demo.py $(EMU) $(SRC)/python

check: build $(QBUILD)/.firmware
	scripts/run-tests

# The patched libvirt: its own tests (every test that the minimal build
# has, and syntax-check), then end to end against the patched emulator.
check-libvirt: build libvirt
	scripts/install-deps --libvirt
	$(SYS_PYTHON) scripts/check-libvirt $(EMU) $(SRC)/python $(LV)/root $(LV)/build

# libvirt from source: Debian 13's libvirt 11.3 with Debian's patches
# (build/libvirt/base), the series of patches/libvirt/ applied in
# build/libvirt/src (a git repository, like build/src), and the QEMU
# driver, the daemons, virsh and the unit tests built and installed under
# build/libvirt/root.
$(LV)/base/DEBIAN_VERSION: scripts/fetch-libvirt scripts/private-apt | $(BUILD)/.deps-ok
	scripts/fetch-libvirt $(LV)/base

$(BUILD)/.libvirt-assembled: $(LV)/base/DEBIAN_VERSION FORCE
	PROJECT=libvirt scripts/assemble $(LV)/base patches/libvirt $(LV)/src
	@touch $@

$(BUILD)/.libvirt-deps-ok: scripts/install-deps | $(BUILD)/.deps-ok
	scripts/install-deps --libvirt-build
	@touch $@

libvirt: $(BUILD)/.libvirt-assembled | $(BUILD)/.libvirt-deps-ok
	scripts/build-libvirt $(LV)/src

# KVM for real: a riscv64 build in a riscv64 guest with H (before a release).
check-kvm: build $(QBUILD)/.firmware
	scripts/check-kvm

check-valgrind: build
	scripts/check-leaks $(EMU)

# Write the commits of build/src back into patches/ (see README.md).
refresh:
	SERIES_EXCLUDE=libvirt scripts/refresh $(BASE) $(SRC) patches
	@if [ -d $(LV)/src/.git ]; then \
		PROJECT=libvirt scripts/refresh $(LV)/base $(LV)/src patches/libvirt; fi

# The three series as they would be posted, From and Signed-off-by set
# to the sender (git config user.name/user.email, or SERIES_AUTHOR).
series: $(BUILD)/.assembled
	scripts/format-series $(BASE) $(SRC) $(BUILD)/series

# Build every commit of the queue (git rebase -x), then run the qtests.
check-series: $(BUILD)/.assembled
	scripts/check-series $(SRC) $(QEMU_OPTS)

# A long fuzzing campaign; FUZZ_SEED=N replays one.
FUZZ_REQUESTS ?= 100000
fuzz: build
	scripts/fuzz-qmp $(EMU) --requests $(FUZZ_REQUESTS) $(if $(FUZZ_SEED),--seed $(FUZZ_SEED))

# The same tree with AddressSanitizer and UBSan, in its own build directory:
# every test of this project plus the base's RISC-V qtests, the bounded
# fuzzing and the huge inputs.  Any sanitizer report fails it.  Without
# -Werror (which QEMU turns on by default in a git tree, as build/src
# is): the instrumentation makes GCC report "maybe-uninitialized" in
# upstream code it cannot see through.
ASAN_QBUILD := $(BUILD)/qemu-asan
$(ASAN_QBUILD)/build.ninja: $(BUILD)/qemu-opts | $(BUILD)/.assembled
	rm -rf $(ASAN_QBUILD)
	mkdir -p $(ASAN_QBUILD)
	cd $(ASAN_QBUILD) && ../src/configure $(filter-out --enable-werror,$(QEMU_OPTS)) \
		--disable-werror --enable-asan --enable-ubsan

$(ASAN_QBUILD)/.firmware: $(ASAN_QBUILD)/build.ninja scripts/fetch-firmware scripts/private-apt
	scripts/fetch-firmware $(ASAN_QBUILD)
	@touch $@

check-asan: $(BUILD)/.assembled $(ASAN_QBUILD)/build.ninja $(ASAN_QBUILD)/.firmware
	ninja -C $(ASAN_QBUILD) qemu-system-riscv64
	QBUILD=$(ASAN_QBUILD) FUZZ_BOUNDS=1 scripts/run-tests

# The unpatched base, built the same way, for make bench.
BASE_QBUILD := $(BUILD)/qemu-base
$(BASE_QBUILD)/build.ninja: $(BUILD)/qemu-opts | $(BASE)/VERSION
	rm -rf $(BASE_QBUILD)
	mkdir -p $(BASE_QBUILD)
	cd $(BASE_QBUILD) && ../base/configure $(QEMU_OPTS)

bench: build $(BASE_QBUILD)/build.ninja
	ninja -C $(BASE_QBUILD) qemu-system-riscv64
	scripts/bench $(EMU) $(BASE_QBUILD)/qemu-system-riscv64

# The same measure under KVM, in check-kvm's riscv64 guest (one boot of
# its first outer CPU per L1 kernel): the patched build next to the
# unpatched base, both cross-built (scripts/kvm-bench.c; the guest has no
# Python).
bench-kvm: build $(QBUILD)/.firmware $(BASE)/VERSION
	KVM_BENCH=yes scripts/check-kvm

clean:
	rm -rf $(QBUILD) $(EMU) $(BUILD)/qemu-base $(ASAN_QBUILD)

distclean:
	rm -rf $(BUILD) config.mk
