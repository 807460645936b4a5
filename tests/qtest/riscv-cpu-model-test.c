/*
 * qtest for RISC-V CPU model probing over QMP:
 * query-cpu-model-expansion ("full" and "static") and query-cpu-definitions,
 * and the purity of the throwaway CPUs these commands build.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#include "qemu/osdep.h"
#include "libqtest.h"
#include "qapi/error.h"
#include "qobject/qbool.h"
#include "qobject/qdict.h"
#include "qobject/qjson.h"
#include "qobject/qlist.h"
#include "qobject/qnum.h"
#include "qobject/qstring.h"
#include <sys/wait.h>

#define MACHINE "-machine none -accel tcg"
#define UPSTREAM_FULL "tests/data/riscv-cpu-model/upstream-10.0.13-full.json"

/* A few props that are valid on every non-vendor 64-bit model. */
static const char *const props_variants[] = {
    "{}",
    "{ 'v': true, 'vlen': 256, 'elen': 64 }",
    "{ 'c': false }",
    "{ 'zba': false, 'zbb': true }",
    "{ 'h': true, 's': true, 'priv_spec': 'v1.12.0' }",
    "{ 'rva22u64': true }",
    "{ 'mmu': false, 'pmu-mask': 8 }",
    "{ 'mvendorid': 1161, 'marchid': 5, 'x-svukte': true }",
};

static QDict *expand(QTestState *qts, const char *type, const char *model,
                     const char *props)
{
    QObject *args = props ? qobject_from_json(props, &error_abort) : NULL;

    if (args) {
        return qtest_qmp(qts, "{ 'execute': 'query-cpu-model-expansion', "
                         "'arguments': { 'type': %s, "
                         "'model': { 'name': %s, 'props': %p } } }",
                         type, model, args);
    }
    return qtest_qmp(qts, "{ 'execute': 'query-cpu-model-expansion', "
                     "'arguments': { 'type': %s, 'model': { 'name': %s } } }",
                     type, model);
}

static const char *resp_error(QDict *resp)
{
    QDict *err = qdict_get_qdict(resp, "error");

    return err ? qdict_get_str(err, "desc") : NULL;
}

static QDict *resp_model(QDict *resp)
{
    g_assert_null(resp_error(resp));
    return qdict_get_qdict(qdict_get_qdict(resp, "return"), "model");
}

static QDict *resp_props(QDict *resp)
{
    QDict *props = qdict_get_qdict(resp_model(resp), "props");

    g_assert(props);
    return props;
}

/* The full expansion of @model with @props; NULL with the error in @err. */
static QDict *full_props(QTestState *qts, const char *model,
                         const char *props, char **err)
{
    QDict *resp = expand(qts, "full", model, props);
    QDict *ret = NULL;

    if (resp_error(resp)) {
        if (err) {
            *err = g_strdup(resp_error(resp));
        } else {
            g_error("full expansion of %s %s: %s", model, props ? props : "",
                    resp_error(resp));
        }
    } else {
        ret = qobject_ref(resp_props(resp));
    }
    qobject_unref(resp);
    return ret;
}

#define assert_expand_error(qts, type, model, props, expected)         \
    do {                                                                \
        QDict *_resp = expand(qts, type, model, props);                 \
        g_assert_cmpstr(resp_error(_resp), ==, expected);               \
        qobject_unref(_resp);                                           \
    } while (0)

static void assert_props_equal(QDict *expected, QDict *got, const char *what)
{
    const QDictEntry *e;

    for (e = qdict_first(expected); e; e = qdict_next(expected, e)) {
        QObject *v = qdict_get(got, qdict_entry_key(e));

        if (!qobject_is_equal(qdict_entry_value(e), v)) {
            g_autoptr(GString) a = qobject_to_json(qdict_entry_value(e));
            g_autoptr(GString) b = v ? qobject_to_json(v) : NULL;

            g_error("%s: '%s' is %s, expected %s", what, qdict_entry_key(e),
                    b ? b->str : "missing", a->str);
        }
    }
    g_assert_cmpint(qdict_size(expected), ==, qdict_size(got));
}

static GPtrArray *model_names(QTestState *qts)
{
    QDict *resp = qtest_qmp(qts, "{ 'execute': 'query-cpu-definitions' }");
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    const QListEntry *e;

    QLIST_FOREACH_ENTRY(qdict_get_qlist(resp, "return"), e) {
        QDict *def = qobject_to(QDict, qlist_entry_obj(e));

        g_ptr_array_add(names, g_strdup(qdict_get_str(def, "name")));
    }
    qobject_unref(resp);
    g_assert_cmpint(names->len, >=, 20);
    return names;
}

static bool model_is_static(QTestState *qts, const char *name)
{
    QDict *resp = qtest_qmp(qts, "{ 'execute': 'query-cpu-definitions' }");
    const QListEntry *e;
    bool found = false, is_static = false;

    QLIST_FOREACH_ENTRY(qdict_get_qlist(resp, "return"), e) {
        QDict *def = qobject_to(QDict, qlist_entry_obj(e));

        if (!strcmp(qdict_get_str(def, "name"), name)) {
            found = true;
            is_static = qdict_get_bool(def, "static");
        }
    }
    qobject_unref(resp);
    g_assert(found);
    return is_static;
}

static bool is_vendor_model(const char *name)
{
    return !g_str_has_prefix(name, "rv") && !g_str_has_prefix(name, "max") &&
           !g_str_has_prefix(name, "x-rv");
}

/*
 * Property classes: each is present with its JSON type.
 */
static void assert_prop_type(QDict *props, const char *name, QType type)
{
    QObject *v = qdict_get(props, name);

    if (!v) {
        g_error("property '%s' missing", name);
    }
    g_assert_cmpint(qobject_type(v), ==, type);
}

static void test_full_property_classes(void)
{
    static const char *const bools[] = {
        /* MISA letters */
        "i", "e", "m", "a", "f", "d", "c", "s", "u", "h", "v", "g", "b",
        /* ratified, experimental and vendor extensions */
        "zba", "zicsr", "zve64d", "smaia", "x-svukte", "xtheadba",
        "xventanacondops",
        /* named features, profiles */
        "zic64b", "ssstateen", "sha", "ziccrse",
        "rva22u64", "rva22s64", "rva23u64", "rva23s64",
        /* MMU/PMP switches, satp modes, other boolean options */
        "mmu", "pmp", "sv39", "sv48", "sv57", "sv64", "debug", "x-misa-w",
    };
    static const char *const numbers[] = {
        "vlen", "elen", "cbom_blocksize", "cbop_blocksize", "cboz_blocksize",
        "mvendorid", "marchid", "mimpid", "pmu-mask", "resetvec",
    };
    QTestState *qts = qtest_init(MACHINE);
    QDict *props = full_props(qts, "max", NULL, NULL);
    QDict *resp;

    for (int i = 0; i < ARRAY_SIZE(bools); i++) {
        assert_prop_type(props, bools[i], QTYPE_QBOOL);
    }
    for (int i = 0; i < ARRAY_SIZE(numbers); i++) {
        assert_prop_type(props, numbers[i], QTYPE_QNUM);
    }
    assert_prop_type(props, "priv_spec", QTYPE_QSTRING);
    assert_prop_type(props, "vext_spec", QTYPE_QSTRING);
    g_assert(qdict_get_bool(props, "v"));
    g_assert(qdict_get_bool(props, "h"));
    g_assert_false(qdict_get_bool(props, "e"));
    g_assert_cmpint(qdict_get_int(props, "vlen"), ==, 128);
    g_assert_cmpint(qdict_get_int(props, "pmu-mask"), ==, 0x7fff8);
    g_assert_cmpstr(qdict_get_str(props, "priv_spec"), ==, "v1.13.0");
    g_assert_false(qdict_haskey(props, "sv32"));
    /* deprecated spellings are not reported as values */
    g_assert_false(qdict_haskey(props, "Zicsr"));
    g_assert_false(qdict_haskey(props, "pmu-num"));
    qobject_unref(props);

    props = full_props(qts, "rv32", NULL, NULL);
    assert_prop_type(props, "sv32", QTYPE_QBOOL);
    g_assert_false(qdict_haskey(props, "sv39"));
    qobject_unref(props);

    /* values follow props, with their natural types */
    props = full_props(qts, "rv64", "{ 'v': true, 'vlen': 512, "
                       "'priv_spec': 'v1.12.0' }", NULL);
    g_assert(qdict_get_bool(props, "v"));
    g_assert(qdict_get_bool(props, "zve64d"));
    g_assert_cmpint(qdict_get_int(props, "vlen"), ==, 512);
    g_assert_cmpstr(qdict_get_str(props, "priv_spec"), ==, "v1.12.0");
    qobject_unref(props);

    /* the reply names the model it was asked for */
    resp = expand(qts, "full", "sifive-u54", NULL);
    g_assert_cmpstr(qdict_get_str(resp_model(resp), "name"), ==,
                    "sifive-u54");
    qobject_unref(resp);
    qtest_quit(qts);
}

/*
 * For every key the unpatched QEMU 10.0.13 returned, a fresh full
 * expansion returns the same value (recorded from the unpatched base).
 */
static void test_full_upstream_values(void)
{
    g_autofree char *json = NULL;
    g_autoptr(GError) gerr = NULL;
    QDict *data, *upstream;
    QTestState *qts;
    const QDictEntry *e;

    if (!g_file_get_contents(UPSTREAM_FULL, &json, NULL, &gerr)) {
        g_error("%s", gerr->message);
    }
    data = qobject_to(QDict, qobject_from_json(json, &error_abort));
    upstream = qdict_get_qdict(data, "models");
    g_assert_cmpint(qdict_size(upstream), ==, 24);

    for (e = qdict_first(upstream); e; e = qdict_next(upstream, e)) {
        const char *model = qdict_entry_key(e);
        QDict *old = qobject_to(QDict, qdict_entry_value(e));
        QDict *props;
        const QDictEntry *p;

        /* fresh QEMU per model: that is what upstream answered right */
        qts = qtest_init(MACHINE);
        props = full_props(qts, model, NULL, NULL);
        g_assert_cmpint(qdict_size(props), >, qdict_size(old));
        for (p = qdict_first(old); p; p = qdict_next(old, p)) {
            if (!qobject_is_equal(qdict_entry_value(p),
                                  qdict_get(props, qdict_entry_key(p)))) {
                g_error("%s: '%s' differs from upstream", model,
                        qdict_entry_key(p));
            }
        }
        qobject_unref(props);
        qtest_quit(qts);
    }
    qobject_unref(data);
}

/*
 * The static expansion round trip: full(static(M)) == full(M), for
 * every model, with and without props.
 */
static bool check_static_roundtrip(QTestState *qts, const char *model,
                                   const char *props)
{
    g_autofree char *what = g_strdup_printf("%s %s", model,
                                            props ? props : "");
    g_autofree char *err = NULL;
    QDict *full, *resp, *st, *again;
    const char *base;

    full = full_props(qts, model, props, &err);
    if (!full) {
        /* refused props: static expansion refuses them the same way */
        resp = expand(qts, "static", model, props);
        g_assert_cmpstr(resp_error(resp), ==, err);
        qobject_unref(resp);
        return false;
    }

    resp = expand(qts, "static", model, props);
    st = resp_model(resp);
    base = qdict_get_str(st, "name");
    if (model_is_static(qts, model)) {
        /* static models are their own base */
        g_assert_cmpstr(base, ==, model);
    } else {
        g_assert(!strcmp(base, "rv64i") || !strcmp(base, "rv32i") ||
                 !strcmp(base, "rv64e") || !strcmp(base, "rv32e"));
    }

    again = qtest_qmp(qts, "{ 'execute': 'query-cpu-model-expansion', "
                      "'arguments': { 'type': 'full', 'model': %p } }",
                      qobject_ref(st));
    assert_props_equal(full, resp_props(again), what);

    /* the delta holds no derived property and no value equal to base */
    g_assert_false(qdict_haskey(qdict_get_qdict(st, "props"), "zic64b"));
    g_assert_false(qdict_haskey(qdict_get_qdict(st, "props"), "rva22u64"));

    qobject_unref(again);
    qobject_unref(resp);
    qobject_unref(full);
    return true;
}

static void test_static_roundtrip(void)
{
    QTestState *qts = qtest_init(MACHINE);
    g_autoptr(GPtrArray) models = model_names(qts);
    int tested = 0;

    for (guint i = 0; i < models->len; i++) {
        const char *model = g_ptr_array_index(models, i);

        if (!strcmp(model, "x-rv128")) {
            continue;   /* tested in test_errors */
        }
        int accepted = 0;

        for (int j = 0; j < ARRAY_SIZE(props_variants); j++) {
            accepted += check_static_roundtrip(qts, model,
                                               j ? props_variants[j] : NULL);
        }
        /* every model expands as it is; generic ones take most props */
        g_assert_cmpint(accepted, >=, is_vendor_model(model) ? 1 : 5);
        tested++;
    }
    g_assert_cmpint(tested, ==, 23);
    qtest_quit(qts);
}

static void test_static_bases(void)
{
    static const struct {
        const char *model, *props, *base;
    } cases[] = {
        { "rv64", NULL, "rv64i" },
        { "max", NULL, "rv64i" },
        { "rv32", NULL, "rv32i" },
        { "max32", NULL, "rv32i" },
        { "rv64", "{ 'i': false, 'e': true, 'h': false }", "rv64e" },
        { "rv32", "{ 'i': false, 'e': true, 'h': false }", "rv32e" },
        { "rva23s64", NULL, "rva23s64" },
        { "veyron-v1", NULL, "veyron-v1" },
    };
    QTestState *qts = qtest_init(MACHINE);
    QDict *resp, *delta;

    for (int i = 0; i < ARRAY_SIZE(cases); i++) {
        resp = expand(qts, "static", cases[i].model, cases[i].props);
        g_assert_cmpstr(qdict_get_str(resp_model(resp), "name"), ==,
                        cases[i].base);
        qobject_unref(resp);
    }

    /* a static model without props has an empty delta */
    resp = expand(qts, "static", "rva23s64", NULL);
    g_assert_cmpint(qdict_size(resp_props(resp)), ==, 0);
    qobject_unref(resp);

    /* the delta of rv64 over rv64i, spot-checked */
    resp = expand(qts, "static", "rv64", "{ 'v': true, 'vlen': 256 }");
    delta = resp_props(resp);
    g_assert(qdict_get_bool(delta, "v"));
    g_assert_cmpint(qdict_get_int(delta, "vlen"), ==, 256);
    g_assert_cmpstr(qdict_get_str(delta, "priv_spec"), ==, "v1.13.0");
    g_assert_false(qdict_haskey(delta, "i"));       /* same as rv64i */
    g_assert_false(qdict_haskey(delta, "elen"));    /* same as rv64i */
    qobject_unref(resp);

    /* C pinned where finalization would otherwise turn it on */
    resp = expand(qts, "static", "max", "{ 'c': false }");
    delta = resp_props(resp);
    g_assert_false(qdict_get_bool(delta, "c"));
    g_assert(qdict_get_bool(delta, "zca"));
    qobject_unref(resp);
    qtest_quit(qts);
}

/*
 * Every refusal is an error naming the property and the reason.
 */
static void test_errors(void)
{
    QTestState *qts = qtest_init(MACHINE);
    QDict *resp;

    assert_expand_error(qts, "full", "nope", NULL,
                        "The CPU type 'nope' is not a known RISC-V CPU type");
    assert_expand_error(qts, "static", "rv64,v=on", NULL,
                        "The CPU type 'rv64,v=on' is not a known RISC-V "
                        "CPU type");
    assert_expand_error(qts, "full", "riscv-bare-cpu", NULL,
                        "The CPU type 'riscv-bare-cpu' is abstract and "
                        "cannot be used as a CPU model");
    assert_expand_error(qts, "full", "riscv-cpu", NULL,
                        "The CPU type 'riscv-cpu' is abstract and "
                        "cannot be used as a CPU model");
    assert_expand_error(qts, "static", "x-rv128", NULL,
                        "CPU model 'x-rv128' has no static expansion: "
                        "there is no static 128-bit base model");

    /* unknown property, and named features that cannot be set */
    assert_expand_error(qts, "full", "rv64", "{ 'foo': true }",
                        "CPU model 'rv64' has no property 'foo'");
    assert_expand_error(qts, "static", "rv64", "{ 'zic64b': false }",
                        "Property 'zic64b' is a named feature: it cannot "
                        "be set, it follows from the other properties");

    /* wrong JSON type */
    assert_expand_error(qts, "full", "rv64", "{ 'mmu': 'yes' }",
                        "Cannot set 'mmu': Invalid parameter type for "
                        "'model.props.mmu', expected: boolean");
    assert_expand_error(qts, "full", "rv64", "{ 'priv_spec': 12 }",
                        "Cannot set 'priv_spec': Invalid parameter type for "
                        "'model.props.priv_spec', expected: string");
    assert_expand_error(qts, "full", "rv64", "{ 'vlen': 'big' }",
                        "Cannot set 'vlen': Parameter 'model.props.vlen' "
                        "expects uint64");

    /* out of range, not a power of two, not a known value */
    assert_expand_error(qts, "full", "rv64", "{ 'vlen': 65536 }",
                        "Cannot set 'vlen': Parameter 'vlen' expects "
                        "uint16_t");
    assert_expand_error(qts, "full", "rv64", "{ 'vlen': 100 }",
                        "Cannot set 'vlen': Vector extension VLEN must be "
                        "power of 2");
    assert_expand_error(qts, "full", "rv64", "{ 'elen': 48 }",
                        "Cannot set 'elen': Vector extension ELEN must be "
                        "power of 2");
    assert_expand_error(qts, "full", "rv64", "{ 'priv_spec': 'v9' }",
                        "Cannot set 'priv_spec': Unsupported privilege spec "
                        "version 'v9'");
    assert_expand_error(qts, "full", "rv64", "{ 'pmu-mask': -1 }",
                        "Cannot set 'pmu-mask': Parameter 'pmu-mask' expects "
                        "uint32_t");
    assert_expand_error(qts, "full", "rv64",
                        "{ 'marchid': 9223372036854775808 }",
                        "Cannot set 'marchid': Unable to set marchid with MSB "
                        "(64) bit set and the remaining bits zero");

    /* missing dependency, conflicting extensions */
    assert_expand_error(qts, "full", "rv64",
                        "{ 'zvfh': true, 'zve32f': false }",
                        "Zvfh/Zvfhmin extensions require Zve32f extension");
    assert_expand_error(qts, "full", "rv64", "{ 'zfinx': true }",
                        "Zfinx cannot be supported together with F extension");
    assert_expand_error(qts, "full", "rv64", "{ 'h': true, "
                        "'priv_spec': 'v1.11.0' }",
                        "H extension requires priv spec 1.12.0");

    /* vendor CPUs that do not allow the change */
    assert_expand_error(qts, "full", "sifive-u54", "{ 'v': true }",
                        "Cannot set 'v': 'sifive-u54' CPU does not allow "
                        "enabling extensions");
    assert_expand_error(qts, "full", "sifive-u54", "{ 'vlen': 256 }",
                        "Cannot set 'vlen': CPU 'sifive-u54' does not allow "
                        "changing the value of 'vlen'");
    assert_expand_error(qts, "full", "veyron-v1", "{ 'mvendorid': 1 }",
                        "Cannot set 'mvendorid': Unable to change "
                        "veyron-v1-riscv-cpu mvendorid (0x61f)");
    assert_expand_error(qts, "full", "thead-c906", "{ 'rva22u64': true }",
                        "Cannot set 'rva22u64': Profile rva22u64 is not "
                        "available for vendor CPUs");
    assert_expand_error(qts, "full", "rv32", "{ 'rva22u64': true }",
                        "Cannot set 'rva22u64': Profile rva22u64 only "
                        "available for 64 bit CPUs");

    /* disabling a satp mode the CPU lacks changes nothing (no abort) */
    resp = expand(qts, "full", "rv64i", "{ 'sv64': false }");
    g_assert_false(qdict_get_bool(resp_props(resp), "sv64"));
    g_assert_false(qdict_get_bool(resp_props(resp), "sv39"));
    qobject_unref(resp);
    resp = expand(qts, "static", "rv64", "{ 'sv64': false }");
    g_assert(qdict_get_bool(resp_props(resp), "sv57"));
    qobject_unref(resp);

    /* props that is not an object is refused as upstream does */
    resp = qtest_qmp(qts, "{ 'execute': 'query-cpu-model-expansion', "
                     "'arguments': { 'type': 'full', "
                     "'model': { 'name': 'rv64', 'props': [ 'v' ] } } }");
    g_assert_cmpstr(resp_error(resp), ==,
                    "Invalid parameter type for 'model.props', expected: "
                    "object");
    qobject_unref(resp);

    /* an unknown expansion type never reaches the target code */
    resp = qtest_qmp(qts, "{ 'execute': 'query-cpu-model-expansion', "
                     "'arguments': { 'type': 'partial', "
                     "'model': { 'name': 'rv64' } } }");
    g_assert_cmpstr(resp_error(resp), ==,
                    "Parameter 'type' does not accept value 'partial'");
    qobject_unref(resp);
    qtest_quit(qts);
}

/* Under -accel qtest the CPU has no accelerator properties: refuse. */
static void assert_props_info_error(QTestState *qts, const char *model,
                                    const char *expected);

static void test_qtest_accel_error(void)
{
    QTestState *qts = qtest_init("-machine none -accel qtest");

    assert_expand_error(qts, "full", "rv64", NULL,
                        "CPU model probing needs the tcg or kvm accelerator, "
                        "not QTest");
    assert_props_info_error(qts, "{ 'name': 'rv64' }",
                            "CPU model probing needs the tcg or kvm "
                            "accelerator, not QTest");
    qtest_quit(qts);
}

static void test_deprecated_props(void)
{
    QTestState *qts = qtest_init(MACHINE);
    QDict *resp = expand(qts, "full", "rv64i", NULL);
    QList *full = qdict_get_qlist(qdict_get_qdict(resp, "return"),
                                  "deprecated-props");
    QList *st;
    QDict *sresp;
    bool has_zfh = false, has_pmu_num = false;
    const QListEntry *e;

    QLIST_FOREACH_ENTRY(full, e) {
        const char *name = qstring_get_str(qobject_to(QString,
                                                      qlist_entry_obj(e)));

        has_zfh |= !strcmp(name, "Zfh");
        has_pmu_num |= !strcmp(name, "pmu-num");
    }
    /* full: every deprecated property, whatever the model */
    g_assert(has_zfh && has_pmu_num);

    /* static: those in effect; rv64i has neither Zfh nor counters */
    sresp = expand(qts, "static", "rv64i", NULL);
    st = qdict_get_qlist(qdict_get_qdict(sresp, "return"),
                         "deprecated-props");
    g_assert(!st || qlist_empty(st));
    qobject_unref(sresp);

    sresp = expand(qts, "static", "rv64", "{ 'zfh': true }");
    st = qdict_get_qlist(qdict_get_qdict(sresp, "return"),
                         "deprecated-props");
    has_zfh = has_pmu_num = false;
    QLIST_FOREACH_ENTRY(st, e) {
        const char *name = qstring_get_str(qobject_to(QString,
                                                      qlist_entry_obj(e)));

        has_zfh |= !strcmp(name, "Zfh");
        has_pmu_num |= !strcmp(name, "pmu-num");
    }
    g_assert(has_zfh && has_pmu_num);
    qobject_unref(sresp);
    qobject_unref(resp);
    qtest_quit(qts);
}

static const char *compare_result(QTestState *qts, const char *a,
                                  const char *b);
static bool cpu_option_starts(const char *model);

/*
 * libvirt's probe: static 'host' (libvirt 11.3 asks for 'host' when the
 * emulator has no KVM), full, then full with props.  Under TCG 'host' is
 * the most capable CPU of the accelerator: it expands exactly like 'max'.
 */
static void test_libvirt_probe(void)
{
    QTestState *qts = qtest_init(MACHINE);
    QDict *st = expand(qts, "static", "host", NULL);
    QDict *st_max = expand(qts, "static", "max", NULL);
    QDict *full = expand(qts, "full", "max", NULL);
    QDict *full_host = expand(qts, "full", "host", NULL);
    QDict *again, *with_props;

    g_assert_cmpstr(qdict_get_str(resp_model(st), "name"), ==, "rv64i");
    g_assert(qobject_is_equal(QOBJECT(resp_model(st)),
                              QOBJECT(resp_model(st_max))));
    g_assert_cmpstr(qdict_get_str(resp_model(full_host), "name"), ==, "host");
    assert_props_equal(resp_props(full), resp_props(full_host), "host");
    again = qtest_qmp(qts, "{ 'execute': 'query-cpu-model-expansion', "
                      "'arguments': { 'type': 'full', 'model': %p } }",
                      qobject_ref(resp_model(st)));
    assert_props_equal(resp_props(full), resp_props(again), "max");

    with_props = expand(qts, "full", "host", "{ 'v': false, 'h': false }");
    g_assert_false(qdict_get_bool(resp_props(with_props), "v"));
    g_assert_false(qdict_get_bool(resp_props(with_props), "h"));
    g_assert_false(qdict_get_bool(resp_props(with_props), "sha"));
    g_assert_cmpstr(compare_result(qts, "{ 'name': 'host' }",
                                   "{ 'name': 'max' }"), ==, "identical");

    /* but 'host' is no CPU type here: -cpu host cannot start under TCG */
    g_assert_false(cpu_option_starts("host"));

    qobject_unref(with_props);
    qobject_unref(again);
    qobject_unref(full_host);
    qobject_unref(full);
    qobject_unref(st_max);
    qobject_unref(st);
    qtest_quit(qts);
}

/*
 * Requests written at once, more than the monitor queues: QMP reads them
 * in chunks, and must still answer each in order, as if sent one by one.
 */
static const char *const pipelined_models[] = {
    "rv64", "max", "rva23s64", "sifive-u54", "rv64i",
};

static void test_pipelined_requests(void)
{
    QTestState *qts = qtest_init(MACHINE);
    g_autoptr(GString) batch = g_string_new(NULL);
    QDict *alone[ARRAY_SIZE(pipelined_models)];
    int n = ARRAY_SIZE(pipelined_models);

    for (int i = 0; i < n; i++) {
        alone[i] = full_props(qts, pipelined_models[i], NULL, NULL);
        g_string_append_printf(batch,
            "{ 'execute': 'query-cpu-model-expansion', 'id': %d, "
            "'arguments': { 'type': 'full', 'model': { 'name': '%s' } } }"
            "{ 'execute': 'query-version', 'id': %d }",
            2 * i, pipelined_models[i], 2 * i + 1);
    }
    qtest_qmp_send_raw(qts, "%s", batch->str);

    for (int i = 0; i < 2 * n; i++) {
        QDict *resp = qtest_qmp_receive(qts);

        g_assert_cmpint(qdict_get_int(resp, "id"), ==, i);
        if (i % 2 == 0) {
            assert_props_equal(alone[i / 2], resp_props(resp),
                               pipelined_models[i / 2]);
        } else {
            g_assert(qdict_haskey(qdict_get_qdict(resp, "return"), "qemu"));
        }
        qobject_unref(resp);
    }
    for (int i = 0; i < n; i++) {
        qobject_unref(alone[i]);
    }
    qtest_quit(qts);
}

static QList *definitions(QTestState *qts)
{
    QDict *resp = qtest_qmp(qts, "{ 'execute': 'query-cpu-definitions' }");
    QList *list = qobject_ref(qdict_get_qlist(resp, "return"));

    qobject_unref(resp);
    return list;
}

static void test_definitions(void)
{
    QTestState *qts = qtest_init(MACHINE);
    QList *defs = definitions(qts);
    const QListEntry *e;
    int n = 0;

    QLIST_FOREACH_ENTRY(defs, e) {
        QDict *def = qobject_to(QDict, qlist_entry_obj(e));
        const char *name = qdict_get_str(def, "name");
        QList *unavailable = qdict_get_qlist(def, "unavailable-features");
        bool dynamic = !strcmp(name, "rv64") || !strcmp(name, "rv32") ||
                       !strcmp(name, "max") || !strcmp(name, "max32") ||
                       !strcmp(name, "x-rv128");

        g_assert_cmpint(qdict_get_bool(def, "static"), ==, !dynamic);
        g_assert_cmpint(qdict_get_bool(def, "migration-safe"), ==, !dynamic);
        g_assert_false(qdict_get_bool(def, "deprecated"));
        g_assert(unavailable);
        if (!strcmp(name, "x-rv128")) {
            /* realize refuses 128-bit CPUs with multi-threaded TCG */
            g_assert_cmpint(qlist_size(unavailable), ==, 1);
            g_assert_cmpstr(qstring_get_str(qobject_to(QString,
                            qlist_peek(unavailable))), ==, "type");
        } else {
            g_assert(qlist_empty(unavailable));
        }
        n++;
    }
    g_assert_cmpint(n, ==, 24);
    qobject_unref(defs);
    qtest_quit(qts);

    /* with single-threaded TCG, x-rv128 can be used */
    qts = qtest_init("-machine none -accel tcg,thread=single");
    defs = definitions(qts);
    QLIST_FOREACH_ENTRY(defs, e) {
        QDict *def = qobject_to(QDict, qlist_entry_obj(e));

        g_assert(qlist_empty(qdict_get_qlist(def, "unavailable-features")));
    }
    qobject_unref(defs);
    qtest_quit(qts);
}

/* Does "-cpu @model" start?  Waits for a refusal for at most 20 s. */
static bool cpu_option_starts(const char *model)
{
    const char *qemu = g_getenv("QTEST_QEMU_BINARY");
    g_autofree char *cpu = g_strdup_printf("%s", model);
    const char *argv[] = {
        qemu, "-machine", "none", "-accel", "tcg", "-cpu", cpu,
        "-display", "none", "-nodefaults", "-S", "-monitor", "none", NULL,
    };
    g_autoptr(GError) gerr = NULL;
    GPid pid;
    int status;

    if (!g_spawn_async(NULL, (char **)argv, NULL,
                       G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDERR_TO_DEV_NULL,
                       NULL, NULL, &pid, &gerr)) {
        g_error("%s", gerr->message);
    }
    for (int i = 0; i < 200; i++) {
        if (waitpid(pid, &status, WNOHANG) == pid) {
            return WIFEXITED(status) && WEXITSTATUS(status) == 0;
        }
        g_usleep(100 * 1000);
    }
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    return true;
}

/* For every model, unavailable-features agrees with what -cpu does. */
static void test_definitions_agree_with_cpu_option(void)
{
    QTestState *qts = qtest_init(MACHINE);
    QList *defs = definitions(qts);
    const QListEntry *e;

    qtest_quit(qts);
    QLIST_FOREACH_ENTRY(defs, e) {
        QDict *def = qobject_to(QDict, qlist_entry_obj(e));
        const char *name = qdict_get_str(def, "name");
        g_autofree char *args = NULL;
        QDict *resp;

        if (!qlist_empty(qdict_get_qlist(def, "unavailable-features"))) {
            g_assert_false(cpu_option_starts(name));
            continue;
        }
        /* it starts, and its expansion succeeds */
        args = g_strdup_printf(MACHINE " -cpu %s", name);
        qts = qtest_init(args);
        resp = qtest_qmp(qts, "{ 'execute': 'query-cpus-fast' }");
        g_assert_cmpint(qlist_size(qdict_get_qlist(resp, "return")), ==, 1);
        qobject_unref(resp);
        resp = expand(qts, "full", name, NULL);
        g_assert_null(resp_error(resp));
        qobject_unref(resp);
        qtest_quit(qts);
    }
    qobject_unref(defs);
}

/*
 * Comparison and baseline
 */
static QDict *compare(QTestState *qts, const char *a, const char *b)
{
    QDict *resp = qtest_qmp(qts, "{ 'execute': 'query-cpu-model-comparison', "
                            "'arguments': { 'modela': %p, 'modelb': %p } }",
                            qobject_from_json(a, &error_abort),
                            qobject_from_json(b, &error_abort));

    g_assert_null(resp_error(resp));
    return resp;
}

static const char *compare_result(QTestState *qts, const char *a,
                                  const char *b)
{
    QDict *resp = compare(qts, a, b);
    const char *r = qdict_get_str(qdict_get_qdict(resp, "return"), "result");
    static const char *const results[] = {
        "incompatible", "identical", "superset", "subset",
    };

    for (int i = 0; i < ARRAY_SIZE(results); i++) {
        if (!strcmp(r, results[i])) {
            qobject_unref(resp);
            return results[i];
        }
    }
    g_assert_not_reached();
}

static const char *mirror(const char *result)
{
    return !strcmp(result, "superset") ? "subset" :
           !strcmp(result, "subset") ? "superset" : result;
}

static char *model_json(const char *name)
{
    return g_strdup_printf("{ 'name': '%s' }", name);
}

static void assert_compare(QTestState *qts, const char *a, const char *b,
                           const char *result, const char *responsible)
{
    QDict *resp = compare(qts, a, b);
    QDict *ret = qdict_get_qdict(resp, "return");
    g_autoptr(GString) got = qobject_to_json(
                                 qdict_get(ret, "responsible-properties"));
    QObject *want = qobject_from_json(responsible, &error_abort);
    g_autoptr(GString) want_json = qobject_to_json(want);

    g_assert_cmpstr(qdict_get_str(ret, "result"), ==, result);
    g_assert_cmpstr(got->str, ==, want_json->str);
    qobject_unref(want);
    qobject_unref(resp);
}

static void test_comparison_laws(void)
{
    QTestState *qts = qtest_init(MACHINE);
    g_autoptr(GPtrArray) models = model_names(qts);
    static const char *const chains[][2] = {
        { "rv64i", "rv64" }, { "rv64", "max" }, { "rv64i", "max" },
        { "rva22u64", "rva23u64" }, { "rva22s64", "rva23s64" },
        { "rva22u64", "rva22s64" }, { "rv32i", "rv32" },
    };

    for (guint a = 0; a < models->len; a++) {
        g_autofree char *ma = model_json(models->pdata[a]);

        /* compare(A, A) is identical */
        g_assert_cmpstr(compare_result(qts, ma, ma), ==, "identical");
        for (guint b = 0; b < models->len; b++) {
            g_autofree char *mb = model_json(models->pdata[b]);

            /* compare(A, B) and compare(B, A) mirror each other */
            g_assert_cmpstr(compare_result(qts, ma, mb), ==,
                            mirror(compare_result(qts, mb, ma)));
        }
    }

    for (int i = 0; i < ARRAY_SIZE(chains); i++) {
        g_autofree char *ma = model_json(chains[i][0]);
        g_autofree char *mb = model_json(chains[i][1]);

        g_assert_cmpstr(compare_result(qts, ma, mb), ==, "subset");
        g_assert_cmpstr(compare_result(qts, mb, ma), ==, "superset");
    }
    /* QEMU 10.0's max32 enables what rv32 enables, no more */
    g_assert_cmpstr(compare_result(qts, "{ 'name': 'rv32' }",
                                   "{ 'name': 'max32' }"), ==, "identical");

    /* responsible-properties, exactly */
    assert_compare(qts, "{ 'name': 'rv64', 'props': { 'v': true } }",
                   "{ 'name': 'rv64' }", "superset",
                   "[ 'v', 'zve32f', 'zve32x', 'zve64f', 'zve64d', "
                   "'zve64x' ]");
    assert_compare(qts, "{ 'name': 'rv64' }",
                   "{ 'name': 'rv64', 'props': { 'zba': false } }",
                   "superset", "[ 'zba' ]");
    assert_compare(qts, "{ 'name': 'rv64' }",
                   "{ 'name': 'rv64', 'props': { 'priv_spec': 'v1.12.0' } }",
                   "superset", "[ 'svvptc', 'priv_spec' ]");
    assert_compare(qts, "{ 'name': 'rv64', 'props': { 'pmu-mask': 8 } }",
                   "{ 'name': 'rv64', 'props': { 'zbc': false } }",
                   "incompatible", "[ 'zbc', 'pmu-mask' ]");
    assert_compare(qts, "{ 'name': 'rv64' }",
                   "{ 'name': 'rv64', 'props': { 'vlen': 256 } }",
                   "incompatible", "[ 'vlen' ]");
    assert_compare(qts, "{ 'name': 'rv64' }",
                   "{ 'name': 'rv64', 'props': { 'mvendorid': 1 } }",
                   "incompatible", "[ 'mvendorid' ]");
    assert_compare(qts, "{ 'name': 'rv64' }", "{ 'name': 'rv32' }",
                   "incompatible", "[ 'type' ]");
    assert_compare(qts, "{ 'name': 'rv64i' }", "{ 'name': 'rv64e' }",
                   "incompatible", "[ 'type' ]");
    assert_compare(qts, "{ 'name': 'rv32e' }", "{ 'name': 'rv32' }",
                   "incompatible", "[ 'type' ]");
    assert_compare(qts, "{ 'name': 'rva23s64' }", "{ 'name': 'rva23s64' }",
                   "identical", "[]");
    /* a choice the specification leaves open does not count */
    assert_compare(qts, "{ 'name': 'rv64' }",
                   "{ 'name': 'rv64', 'props': { 'rvv_ta_all_1s': true } }",
                   "identical", "[]");
    qtest_quit(qts);
}

static QDict *baseline(QTestState *qts, const char *a, const char *b)
{
    return qtest_qmp(qts, "{ 'execute': 'query-cpu-model-baseline', "
                     "'arguments': { 'modela': %p, 'modelb': %p } }",
                     qobject_from_json(a, &error_abort),
                     qobject_from_json(b, &error_abort));
}

static void test_baseline_laws(void)
{
    QTestState *qts = qtest_init(MACHINE);
    g_autoptr(GPtrArray) models = model_names(qts);
    int pairs = 0;
    QDict *resp;

    for (guint a = 0; a < models->len; a++) {
        g_autofree char *ma = model_json(models->pdata[a]);

        if (!strcmp(models->pdata[a], "x-rv128")) {
            continue;
        }
        for (guint b = a; b < models->len; b++) {
            g_autofree char *mb = model_json(models->pdata[b]);
            g_autoptr(GString) ab_json = NULL;
            g_autoptr(GString) ba_json = NULL;
            QDict *ab, *ba, *check;
            const char *r;

            if (!strcmp(models->pdata[b], "x-rv128")) {
                continue;
            }
            ab = baseline(qts, ma, mb);
            if (resp_error(ab)) {
                /* only when no common model exists */
                g_assert(g_str_has_prefix(resp_error(ab),
                                          "No common CPU model: "));
                qobject_unref(ab);
                continue;
            }
            ab_json = qobject_to_json(QOBJECT(resp_model(ab)));

            /* identical to or a subset of both, and it expands */
            r = compare_result(qts, ab_json->str, ma);
            g_assert(!strcmp(r, "identical") || !strcmp(r, "subset"));
            r = compare_result(qts, ab_json->str, mb);
            g_assert(!strcmp(r, "identical") || !strcmp(r, "subset"));
            check = qtest_qmp(qts, "{ 'execute': 'query-cpu-model-expansion',"
                              " 'arguments': { 'type': 'full', 'model': %p } }",
                              qobject_ref(resp_model(ab)));
            g_assert_null(resp_error(check));
            qobject_unref(check);

            /* baseline(A, A) is identical to A */
            if (a == b) {
                g_assert_cmpstr(compare_result(qts, ab_json->str, ma), ==,
                                "identical");
            }
            /* baseline(B, A) has the same features */
            ba = baseline(qts, mb, ma);
            ba_json = qobject_to_json(QOBJECT(resp_model(ba)));
            g_assert_cmpstr(compare_result(qts, ab_json->str, ba_json->str),
                            ==, "identical");
            qobject_unref(ba);
            qobject_unref(ab);
            pairs++;
        }
    }
    /* the others differ in XLEN, base ISA, machine IDs or VLEN */
    g_assert_cmpint(pairs, >=, 90);

    /* a static model */
    resp = baseline(qts, "{ 'name': 'max' }", "{ 'name': 'rva23s64' }");
    g_assert_cmpstr(qdict_get_str(resp_model(resp), "name"), ==, "rv64i");
    qobject_unref(resp);

    /* removing an extension removes what needs it: closed under rules */
    resp = baseline(qts, "{ 'name': 'rv64', 'props': { 'v': true } }",
                    "{ 'name': 'rv64', 'props': { 'zve32f': true, "
                    "'zvfh': true } }");
    g_assert_false(qdict_haskey(resp_props(resp), "v"));
    g_assert(qdict_get_bool(resp_props(resp), "zve32f"));
    g_assert_false(qdict_haskey(resp_props(resp), "zvfh"));
    qobject_unref(resp);

    /* no common model */
    resp = baseline(qts, "{ 'name': 'rv64' }", "{ 'name': 'rv32' }");
    g_assert_cmpstr(resp_error(resp), ==,
                    "No common CPU model: 'rv64' is RV64I and 'rv32' is "
                    "RV32I");
    qobject_unref(resp);
    resp = baseline(qts, "{ 'name': 'rv64', 'props': { 'vlen': 256 } }",
                    "{ 'name': 'max' }");
    g_assert_cmpstr(resp_error(resp), ==,
                    "No common CPU model: 'vlen' is 256 in 'rv64' and 128 "
                    "in 'max', and it must match");
    qobject_unref(resp);
    resp = baseline(qts, "{ 'name': 'rv64' }", "{ 'name': 'nope' }");
    g_assert_cmpstr(resp_error(resp), ==,
                    "The CPU type 'nope' is not a known RISC-V CPU type");
    qobject_unref(resp);
    qtest_quit(qts);
}

/*
 * Purity: no probing query changes a later answer.
 *
 * For every model B, the answer of a fresh QEMU is compared with the
 * answer after every model A was expanded, with props that enable
 * profiles, conflicting extensions, and errors.  Models without props
 * are memoized, so B is asked with a prop that changes nothing: every
 * answer then comes from a CPU built for it.
 */
#define NOOP_PROPS "{ 'debug': true }"

static const char *const history_props[] = {
    NULL,
    "{ 'rva23s64': true }",
    "{ 'rva22u64': true, 'zfh': true }",
    "{ 'v': true, 'zvfh': true, 'vlen': 1024 }",
    "{ 'zfinx': true }",                    /* conflicts with F: error */
    "{ 'vlen': 3 }",                        /* refused by the setter */
    "{ 'priv_spec': 'v1.10.0', 'h': true }", /* error */
    "{ 'mmu': false, 'sv39': true }",
};

/* One of each probing command about @model with @props; answers dropped. */
static void probe_everything(QTestState *qts, const char *model,
                             const char *props)
{
    g_autofree char *info = props ?
        g_strdup_printf("{ 'name': '%s', 'props': %s }", model, props) :
        g_strdup_printf("{ 'name': '%s' }", model);

    qobject_unref(expand(qts, "full", model, props));
    qobject_unref(expand(qts, "static", model, props));
    qobject_unref(qtest_qmp(qts, "{ 'execute': 'query-cpu-model-comparison',"
                            " 'arguments': { 'modela': %p, "
                            "'modelb': { 'name': 'max' } } }",
                            qobject_from_json(info, &error_abort)));
    qobject_unref(baseline(qts, "{ 'name': 'rv64' }", info));
    qobject_unref(qtest_qmp(qts, "{ 'execute': 'query-cpu-definitions' }"));
}

static void unref_dict(gpointer p)
{
    qobject_unref((QDict *)p);
}

static void test_purity_histories(void)
{
    QTestState *qts = qtest_init(MACHINE);
    g_autoptr(GPtrArray) models = model_names(qts);
    g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func(unref_dict);

    qtest_quit(qts);
    for (guint b = 0; b < models->len; b++) {
        qts = qtest_init(MACHINE);
        g_ptr_array_add(fresh, full_props(qts, models->pdata[b], NULL, NULL));
        qtest_quit(qts);
    }

    qts = qtest_init(MACHINE);
    for (guint a = 0; a < models->len; a++) {
        for (int p = 0; p < ARRAY_SIZE(history_props); p++) {
            probe_everything(qts, models->pdata[a], history_props[p]);
            for (guint b = 0; b < models->len; b++) {
                g_autofree char *what = g_strdup_printf(
                    "%s after %s %s", (char *)models->pdata[b],
                    (char *)models->pdata[a],
                    history_props[p] ? history_props[p] : "");
                QDict *now = full_props(qts, models->pdata[b], NOOP_PROPS,
                                        NULL);

                assert_props_equal(fresh->pdata[b], now, what);
                qobject_unref(now);
            }
        }
    }
    qtest_quit(qts);
}

/*
 * Purity: the CPU of the running machine is untouched by a storm of
 * probing queries.
 */
static QDict *guest_cpu_props(QTestState *qts, QDict *names)
{
    QDict *props = qdict_new();
    const QDictEntry *e;

    for (e = qdict_first(names); e; e = qdict_next(names, e)) {
        QDict *resp = qtest_qmp(qts, "{ 'execute': 'qom-get', 'arguments': "
                                "{ 'path': '/machine/soc0/harts[0]', "
                                "'property': %s } }", qdict_entry_key(e));

        if (!resp_error(resp)) {
            qdict_put_obj(props, qdict_entry_key(e),
                          qobject_ref(qdict_get(resp, "return")));
        }
        qobject_unref(resp);
    }
    g_assert_cmpint(qdict_size(props), >, 100);
    return props;
}

static void test_purity_running_guest(void)
{
    QTestState *qts = qtest_init("-machine virt -accel tcg -S "
                                 "-cpu rv64,v=on,vlen=256,zba=off,"
                                 "x-svukte=on,priv_spec=v1.12.0");
    g_autoptr(GPtrArray) models = model_names(qts);
    QDict *names = full_props(qts, "rv64", NULL, NULL);
    QDict *before = guest_cpu_props(qts, names);
    QDict *after;

    g_assert(qdict_get_bool(before, "v"));
    g_assert_false(qdict_get_bool(before, "zba"));
    g_assert_cmpint(qdict_get_int(before, "vlen"), ==, 256);

    for (guint a = 0; a < models->len; a++) {
        for (int p = 0; p < ARRAY_SIZE(history_props); p++) {
            probe_everything(qts, models->pdata[a], history_props[p]);
        }
    }
    after = guest_cpu_props(qts, names);
    assert_props_equal(before, after, "guest CPU");

    qobject_unref(after);
    qobject_unref(before);
    qobject_unref(names);
    qtest_quit(qts);
}

/*
 * query-cpu-props-info
 */
static QList *props_info(QTestState *qts, const char *model)
{
    QDict *resp = model ?
        qtest_qmp(qts, "{ 'execute': 'query-cpu-props-info', "
                  "'arguments': { 'model': { 'name': %s } } }", model) :
        qtest_qmp(qts, "{ 'execute': 'query-cpu-props-info' }");
    QList *list;

    g_assert_null(resp_error(resp));
    list = qobject_ref(qdict_get_qlist(resp, "return"));
    qobject_unref(resp);
    return list;
}

/*
 * Purity: a CPU built for a query warns nowhere.  Each of these makes
 * finalization warn on a CPU of the command line (bare CPU without a
 * satp mode, priv_spec too old, RVG, RVB or a profile with a mandated
 * extension off, C wanted off with Zca, deprecated properties).
 */
static const char *const warning_props[][2] = {
    { "rv64i", NULL },
    { "rv64", "{ 'h': false, 'priv_spec': 'v1.11.0' }" },
    { "rv64", "{ 'g': true, 'd': false }" },
    { "rv64", "{ 'b': true, 'zba': false }" },
    { "rv64", "{ 'rva22u64': true, 'zicbom': false }" },
    { "rv64", "{ 'rva22s64': true, 'h': false, 'priv_spec': 'v1.11.0' }" },
    { "rv64", "{ 'c': false, 'zca': true, 'zcd': true }" },
    { "rv64", "{ 'Zifencei': true, 'pmu-num': 4 }" },
};

/* Start QEMU with its stderr in @path (the child inherits our fd 2). */
static QTestState *init_with_stderr_to(const char *path, const char *args)
{
    int saved = dup(STDERR_FILENO);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    QTestState *qts;

    g_assert(saved >= 0 && fd >= 0);
    fflush(stderr);
    g_assert(dup2(fd, STDERR_FILENO) == STDERR_FILENO);
    close(fd);
    qts = qtest_init(args);
    g_assert(dup2(saved, STDERR_FILENO) == STDERR_FILENO);
    close(saved);
    return qts;
}

static char *read_log(const char *path)
{
    char *text;

    g_assert(g_file_get_contents(path, &text, NULL, NULL));
    return text;
}

static void test_purity_quiet(void)
{
    g_autofree char *path = NULL;
    g_autofree char *at_start = NULL;
    g_autofree char *at_end = NULL;
    QTestState *qts;
    int fd = g_file_open_tmp("riscv-cpu-model-XXXXXX", &path, NULL);

    g_assert(fd >= 0);
    close(fd);
    /* The guest's own CPU still warns: the capture works. */
    qts = init_with_stderr_to(path, "-machine virt -accel tcg -S "
                              "-cpu rv64,h=off,priv_spec=v1.11.0");
    at_start = read_log(path);
    g_assert_nonnull(strstr(at_start, "privilege spec version"));

    for (int i = 0; i < ARRAY_SIZE(warning_props); i++) {
        probe_everything(qts, warning_props[i][0], warning_props[i][1]);
    }
    qobject_unref(props_info(qts, "rv64"));
    qobject_unref(props_info(qts, "rv64i"));

    at_end = read_log(path);
    g_assert(g_str_has_prefix(at_end, at_start));
    if (at_end[strlen(at_start)]) {
        g_error("probing wrote to QEMU's stderr: %.200s",
                at_end + strlen(at_start));
    }
    qtest_quit(qts);
    unlink(path);
}

/* Every full-expansion key has exactly one entry, with a matching type. */
static void test_props_info_coverage(void)
{
    QTestState *qts = qtest_init(MACHINE);
    g_autoptr(GPtrArray) names = model_names(qts);
    static const char *const types[] = {
        [QTYPE_QBOOL] = "boolean", [QTYPE_QNUM] = "number",
        [QTYPE_QSTRING] = "string",
    };

    g_ptr_array_add(names, NULL);   /* no model: described on max */
    for (guint i = 0; i < names->len; i++) {
        const char *name = g_ptr_array_index(names, i);
        QDict *full = full_props(qts, name ? name : "max", NULL, NULL);
        QList *entries = props_info(qts, name);
        QListEntry *e;
        guint n = 0;

        QLIST_FOREACH_ENTRY(entries, e) {
            QDict *ent = qobject_to(QDict, qlist_entry_obj(e));
            const char *prop = qdict_get_str(ent, "name");
            QObject *value = qdict_get(full, prop);

            g_assert_nonnull(value);
            g_assert_cmpstr(qdict_get_str(ent, "type"), ==,
                            types[qobject_type(value)]);
            g_assert(qdict_haskey(ent, "category"));
            g_assert(strlen(qdict_get_str(ent, "description")) > 0);
            /* the default is the value of the full expansion */
            if (name) {
                g_assert(qobject_is_equal(qdict_get(ent, "default"), value));
            } else {
                g_assert_false(qdict_haskey(ent, "default"));
            }
            n++;
        }
        g_assert_cmpint(n, ==, qdict_size(full));
        qobject_unref(entries);
        qobject_unref(full);
    }
    qtest_quit(qts);
}

static uint64_t qdict_uint(QDict *d, const char *key)
{
    return qnum_get_uint(qobject_to(QNum, qdict_get(d, key)));
}

static bool full_accepts(QTestState *qts, const char *model, const char *prop,
                         QObject *value)
{
    QDict *props = qdict_new();
    QDict *resp;
    bool ok;

    qdict_put_obj(props, prop, qobject_ref(value));
    resp = qtest_qmp(qts, "{ 'execute': 'query-cpu-model-expansion', "
                     "'arguments': { 'type': 'full', "
                     "'model': { 'name': %s, 'props': %p } } }", model, props);
    ok = !resp_error(resp) &&
         qobject_is_equal(qdict_get(resp_props(resp), prop), value);
    qobject_unref(resp);
    return ok;
}

static bool full_accepts_uint(QTestState *qts, const char *model,
                              const char *prop, uint64_t value)
{
    QNum *num = qnum_from_uint(value);
    bool ok = full_accepts(qts, model, prop, QOBJECT(num));

    qobject_unref(num);
    return ok;
}

/*
 * Every advertised value is accepted by expansion, values outside are
 * refused, and the implied properties are on.
 */
static void test_props_info_agree(void)
{
    static const char *const models[] = {
        "rv64", "max", "rv32", "rv64i", "rva23s64", "sifive-u54",
        "thead-c906",
    };
    QTestState *qts = qtest_init(MACHINE);

    for (int m = 0; m < ARRAY_SIZE(models); m++) {
        QList *entries = props_info(qts, models[m]);
        const char *latest_priv = NULL;
        QListEntry *e;

        QLIST_FOREACH_ENTRY(entries, e) {
            QDict *ent = qobject_to(QDict, qlist_entry_obj(e));

            if (!strcmp(qdict_get_str(ent, "name"), "priv_spec")) {
                QList *vals = qdict_get_qlist(ent, "values");
                QListEntry *last = NULL, *v;

                QLIST_FOREACH_ENTRY(vals, v) {
                    last = v;
                }
                latest_priv = qstring_get_str(
                    qobject_to(QString, qlist_entry_obj(last)));
            }
        }

        QLIST_FOREACH_ENTRY(entries, e) {
            QDict *ent = qobject_to(QDict, qlist_entry_obj(e));
            const char *prop = qdict_get_str(ent, "name");
            const char *type = qdict_get_str(ent, "type");
            QListEntry *v;

            if (!strcmp(type, "string")) {
                QString *outside = qstring_from_str("v0.0.0");

                QLIST_FOREACH_ENTRY(qdict_get_qlist(ent, "values"), v) {
                    g_assert(full_accepts(qts, models[m], prop,
                                          qlist_entry_obj(v)));
                }
                g_assert_false(full_accepts(qts, models[m], prop,
                                            QOBJECT(outside)));
                qobject_unref(outside);
            } else if (!strcmp(type, "number")) {
                QDict *range = qdict_get_qdict(ent, "range");
                uint64_t min = qdict_uint(range, "min");
                uint64_t max = qdict_uint(range, "max");
                const char *c = qdict_get_str(range, "constraint");
                bool pow2 = !strcmp(c, "power-of-two");

                g_assert(full_accepts_uint(qts, models[m], prop, min));
                g_assert(full_accepts_uint(qts, models[m], prop, max));
                if (pow2 && min > 1) {
                    g_assert_false(full_accepts_uint(qts, models[m], prop,
                                                     min / 2));
                    g_assert_false(full_accepts_uint(qts, models[m], prop,
                                                     min + 1));
                } else if (min > 0) {
                    g_assert_false(full_accepts_uint(qts, models[m], prop,
                                                     min - 1));
                }
                if (pow2 && max < UINT64_MAX / 2) {
                    g_assert_false(full_accepts_uint(qts, models[m], prop,
                                                     max * 2));
                } else if (!strcmp(c, "bit-mask")) {
                    g_assert_false(full_accepts_uint(qts, models[m], prop,
                                                     max | 1));
                } else if (max < UINT64_MAX) {
                    g_assert_false(full_accepts_uint(qts, models[m], prop,
                                                     max + 1));
                }
                g_assert_cmpint(qdict_get_bool(ent, "changeable"), ==,
                                min != max);
            } else {
                QList *values = qdict_get_qlist(ent, "values");
                bool can_be_true = false;

                QLIST_FOREACH_ENTRY(values, v) {
                    QBool *b = qobject_to(QBool, qlist_entry_obj(v));

                    can_be_true |= qbool_get_bool(b);
                    /*
                     * every change it advertises is accepted (vendor CPUs
                     * refuse even their own default as a change)
                     */
                    if (qbool_get_bool(b) != qdict_get_bool(ent, "default")) {
                        g_assert(full_accepts(qts, models[m], prop,
                                              QOBJECT(b)));
                    }
                }
                g_assert_cmpint(qdict_get_bool(ent, "changeable"), ==,
                                qlist_size(values) == 2);
                /* what it implies is on when it is on */
                if (can_be_true && strcmp(qdict_get_str(ent, "category"),
                                          "named-feature")) {
                    g_autofree char *on = g_strdup_printf(
                        "{ '%s': true, 'priv_spec': '%s' }", prop,
                        latest_priv);
                    /* already on: the model itself shows it */
                    QDict *full = full_props(qts, models[m],
                                             qdict_get_bool(ent, "default") ?
                                             NULL : on, NULL);

                    /*
                     * with the latest priv_spec, what it implies is on,
                     * unless the model cannot have it on at all
                     */
                    QLIST_FOREACH_ENTRY(qdict_get_qlist(ent, "implies"), v) {
                        const char *implied =
                            qstring_get_str(qobject_to(QString,
                                                       qlist_entry_obj(v)));
                        g_autofree char *alone = g_strdup_printf(
                            "{ '%s': true, 'priv_spec': '%s' }", implied,
                            latest_priv);
                        char *err = NULL;
                        QDict *forced;

                        if (qdict_get_bool(full, implied)) {
                            continue;
                        }
                        forced = full_props(qts, models[m], alone, &err);
                        if (forced && qdict_get_bool(forced, implied)) {
                            g_error("%s: %s implies %s, which is off",
                                    models[m], prop, implied);
                        }
                        qobject_unref(forced);
                        g_free(err);
                    }
                    qobject_unref(full);
                }
            }
        }
        qobject_unref(entries);
    }
    qtest_quit(qts);
}

/* @x on, each of @requires on except @off (if any), the latest spec. */
static bool full_accepts_with(QTestState *qts, const char *model,
                              const char *x, QList *requires, const char *off)
{
    QDict *props = qdict_new();
    QListEntry *r;
    QDict *resp;
    bool ok;

    qdict_put_str(props, "priv_spec", "v1.13.0");
    QLIST_FOREACH_ENTRY(requires, r) {
        const char *name = qstring_get_str(qobject_to(QString,
                                                      qlist_entry_obj(r)));

        qdict_put_bool(props, name, !off || strcmp(name, off));
    }
    qdict_put_bool(props, x, true);
    resp = qtest_qmp(qts, "{ 'execute': 'query-cpu-model-expansion', "
                     "'arguments': { 'type': 'full', "
                     "'model': { 'name': %s, 'props': %p } } }", model, props);
    ok = !resp_error(resp) && qdict_get_bool(resp_props(resp), x);
    qobject_unref(resp);
    return ok;
}

/*
 * On a bare CPU, a property is accepted with everything it requires on,
 * and refused with any one of them off.  zicfiss needs five at once.
 */
static void test_props_info_requires(void)
{
    static const char *const models[] = { "rv64i", "rv32i" };
    QTestState *qts = qtest_init(MACHINE);
    bool saw_zicfiss = false;

    for (int m = 0; m < ARRAY_SIZE(models); m++) {
        QList *entries = props_info(qts, models[m]);
        QListEntry *e, *r;

        QLIST_FOREACH_ENTRY(entries, e) {
            QDict *ent = qobject_to(QDict, qlist_entry_obj(e));
            const char *x = qdict_get_str(ent, "name");
            QList *requires = qdict_get_qlist(ent, "requires");

            if (qlist_empty(requires)) {
                continue;
            }
            if (!full_accepts_with(qts, models[m], x, requires, NULL)) {
                g_error("%s: %s refused with all it requires", models[m], x);
            }
            QLIST_FOREACH_ENTRY(requires, r) {
                const char *off = qstring_get_str(
                    qobject_to(QString, qlist_entry_obj(r)));

                if (full_accepts_with(qts, models[m], x, requires, off)) {
                    g_error("%s: %s accepted with %s off", models[m], x,
                            off);
                }
            }
            saw_zicfiss |= !strcmp(x, "zicfiss") && qlist_size(requires) == 5;
        }
        qobject_unref(entries);
    }
    g_assert_true(saw_zicfiss);
    qtest_quit(qts);
}

/* The answers for v, vlen, priv_spec and zba on rv64 and a vendor CPU. */
static void test_props_info_examples(void)
{
    QTestState *qts = qtest_init(MACHINE);
    QList *rv64 = props_info(qts, "rv64");
    QList *u54 = props_info(qts, "sifive-u54");
    QDict *v = NULL, *vlen = NULL, *zba = NULL, *zba_u54 = NULL;
    QDict *zvfh = NULL;
    QListEntry *e;

    QLIST_FOREACH_ENTRY(rv64, e) {
        QDict *ent = qobject_to(QDict, qlist_entry_obj(e));
        const char *n = qdict_get_str(ent, "name");

        v = !strcmp(n, "v") ? ent : v;
        vlen = !strcmp(n, "vlen") ? ent : vlen;
        zba = !strcmp(n, "zba") ? ent : zba;
        zvfh = !strcmp(n, "zvfh") ? ent : zvfh;
    }
    QLIST_FOREACH_ENTRY(u54, e) {
        QDict *ent = qobject_to(QDict, qlist_entry_obj(e));

        zba_u54 = !strcmp(qdict_get_str(ent, "name"), "zba") ? ent : zba_u54;
    }
    g_assert_cmpstr(qdict_get_str(v, "category"), ==, "misa-letter");
    g_assert_cmpstr(qdict_get_str(v, "description"), ==, "Vector operations");
    g_assert_cmpstr(qdict_get_str(vlen, "type"), ==, "number");
    g_assert_cmpint(qdict_get_int(vlen, "default"), ==, 128);
    g_assert_cmpstr(qdict_get_str(qdict_get_qdict(vlen, "range"),
                                  "constraint"), ==, "power-of-two");
    g_assert_true(qdict_get_bool(zba, "changeable"));
    g_assert_true(qdict_get_bool(zba, "available"));
    g_assert_false(qdict_get_bool(zba_u54, "changeable"));
    /* zvfh needs zve32f: finalization refuses it without */
    g_assert(qlist_size(qdict_get_qlist(zvfh, "requires")) > 0);
    qobject_unref(rv64);
    qobject_unref(u54);
    qtest_quit(qts);
}

static void assert_props_info_error(QTestState *qts, const char *model,
                                    const char *expected)
{
    QDict *resp = qtest_qmp(qts, "{ 'execute': 'query-cpu-props-info', "
                            "'arguments': { 'model': %p } }",
                            qobject_from_json(model, &error_abort));

    g_assert_cmpstr(resp_error(resp), ==, expected);
    qobject_unref(resp);
}

static void test_props_info_errors(void)
{
    QTestState *qts = qtest_init(MACHINE);

    assert_props_info_error(qts, "{ 'name': 'nope' }",
                            "The CPU type 'nope' is not a known RISC-V "
                            "CPU type");
    assert_props_info_error(qts, "{ 'name': 'rv64', 'props': "
                            "{ 'vlen': 100 } }",
                            "Cannot set 'vlen': Vector extension VLEN must "
                            "be power of 2");
    assert_props_info_error(qts, "{ 'name': 'rv64', 'props': [ 1 ] }",
                            "Invalid parameter type for 'model.props', "
                            "expected: object");
    qtest_quit(qts);
}

/*
 * KVM: the host CPU is what the kernel reports, and what it lacks shows
 * in unavailable-features.  Run inside a RISC-V guest with the H
 * extension (make check-kvm); skipped where KVM is not available.
 */
#define KVM_MACHINE "-machine none -accel kvm"

/* Single letters of the first "isa" line of /proc/cpuinfo: "imafdcvh". */
static char *host_isa_letters(void)
{
    g_autofree char *cpuinfo = NULL;
    g_auto(GStrv) lines = NULL;

    g_assert(g_file_get_contents("/proc/cpuinfo", &cpuinfo, NULL, NULL));
    lines = g_strsplit(cpuinfo, "\n", -1);
    for (int i = 0; lines[i]; i++) {
        const char *isa = strstr(lines[i], "rv64");

        if (g_str_has_prefix(lines[i], "isa") && isa) {
            return g_strndup(isa + 4, strcspn(isa + 4, "_ \t"));
        }
    }
    g_assert_not_reached();
}

/* The letters KVM hands to a guest as the host has them (not H). */
static const char kvm_guest_letters[] = "imafdcv";

static void test_kvm_host(void)
{
    QTestState *qts = qtest_init(KVM_MACHINE);
    g_autofree char *letters = host_isa_letters();
    QDict *host = full_props(qts, "host", NULL, NULL);
    char name[2] = "";

    g_test_message("host ISA letters: %s", letters);
    for (const char *l = kvm_guest_letters; *l; l++) {
        name[0] = *l;
        g_assert_cmpint(qdict_get_bool(host, name), ==, !!strchr(letters, *l));
    }
    /* a guest of KVM cannot be a hypervisor itself */
    g_assert_false(qdict_get_bool(host, "h"));
    /* static expansion of host: a bare base and a delta that round-trips */
    g_assert_true(check_static_roundtrip(qts, "host", NULL));
    g_assert_true(check_static_roundtrip(qts, "host", "{ 'zbb': false }"));
    qobject_unref(host);
    qtest_quit(qts);
}

/*
 * Every model has unavailable-features; 'v' is among them exactly when
 * the model has V (RVA23 profiles mandate it) and the host has not.
 */
static void test_kvm_definitions(void)
{
    QTestState *qts = qtest_init(KVM_MACHINE);
    g_autofree char *letters = host_isa_letters();
    QList *defs = definitions(qts);
    bool host_has_v = strchr(letters, 'v');
    int blocked_by_v = 0;
    QListEntry *e;

    QLIST_FOREACH_ENTRY(defs, e) {
        QDict *def = qobject_to(QDict, qlist_entry_obj(e));
        const char *name = qdict_get_str(def, "name");
        QList *unavailable = qdict_get_qlist(def, "unavailable-features");
        g_autoptr(GString) json = qobject_to_json(QOBJECT(unavailable));
        g_autofree char *err = NULL;
        QDict *full = full_props(qts, name, NULL, &err);
        bool lists_v = false, has_v;
        QListEntry *u;

        g_test_message("%s: unavailable-features %s", name, json->str);
        g_assert(unavailable);
        if (!strcmp(name, "host")) {
            g_assert(qlist_empty(unavailable));
        }
        if (!full || !strcmp(json->str, "[\"type\"]")) {
            /* KVM cannot build it, or not on this host's base ISA */
            g_assert_cmpstr(json->str, ==, "[\"type\"]");
            qobject_unref(full);
            continue;
        }
        QLIST_FOREACH_ENTRY(unavailable, u) {
            const char *f = qstring_get_str(qobject_to(QString,
                                                       qlist_entry_obj(u)));

            g_assert(qdict_haskey(full, f));
            lists_v |= !strcmp(f, "v");
        }
        /*
         * A profile CPU is the host's CPU under KVM, but its profile says
         * what it is: RVA23 mandates V.
         */
        has_v = g_str_has_prefix(name, "rva23") || qdict_get_bool(full, "v");
        g_assert_cmpint(lists_v, ==, has_v && !host_has_v);
        blocked_by_v += lists_v;
        qobject_unref(full);
    }
    g_test_message("models blocked by the missing V: %d", blocked_by_v);
    qobject_unref(defs);
    qtest_quit(qts);
}
static void test_kvm_compare_baseline(void)
{
    static const char *const others[] = {
        "{ 'name': 'rv64' }", "{ 'name': 'rva22u64' }",
        "{ 'name': 'host', 'props': { 'zbb': false } }",
    };
    QTestState *qts = qtest_init(KVM_MACHINE);
    const char *host = "{ 'name': 'host' }";

    assert_compare(qts, host, host, "identical", "[]");
    for (int i = 0; i < ARRAY_SIZE(others); i++) {
        const char *r = compare_result(qts, host, others[i]);
        QDict *resp = baseline(qts, host, others[i]);
        QDict *b = qdict_get_qdict(qdict_get_qdict(resp, "return"), "model");
        g_autoptr(GString) b_json = qobject_to_json(QOBJECT(b));
        const char *rb;

        g_test_message("host vs %s: %s; baseline %s", others[i], r,
                       b_json->str);
        g_assert_cmpstr(compare_result(qts, others[i], host), ==, mirror(r));
        /* the baseline runs on both */
        rb = compare_result(qts, host, b_json->str);
        g_assert(!strcmp(rb, "identical") || !strcmp(rb, "superset"));
        rb = compare_result(qts, others[i], b_json->str);
        g_assert(!strcmp(rb, "identical") || !strcmp(rb, "superset"));
        qobject_unref(resp);
    }
    /* host without zbb runs where host runs, not the other way round */
    g_assert_cmpstr(compare_result(qts, host, others[2]), ==, "superset");
    qtest_quit(qts);
}

/* What KVM cannot provide is refused, naming the property. */
static void test_kvm_errors(void)
{
    QTestState *qts = qtest_init(KVM_MACHINE);
    QList *info = props_info(qts, "host");
    int refused = 0, known_to_kvm = 0;
    QListEntry *e;

    assert_expand_error(qts, "full", "host", "{ 'h': true }",
                        "Cannot set 'h': Enabling MISA bit 'h' is not "
                        "allowed: it's not enabled in the host");
    assert_expand_error(qts, "full", "host", "{ 'zicfiss': true }",
                        "Cannot set 'zicfiss': 'zicfiss' is not available "
                        "with KVM");
    QLIST_FOREACH_ENTRY(info, e) {
        QDict *ent = qobject_to(QDict, qlist_entry_obj(e));
        const char *name = qdict_get_str(ent, "name");
        g_autofree char *on = g_strdup_printf("{ '%s': true }", name);
        g_autofree char *prefix = g_strdup_printf("Cannot set '%s': ", name);
        QDict *resp;

        if (strcmp(qdict_get_str(ent, "type"), "boolean") ||
            qdict_get_bool(ent, "available") ||
            !strcmp(qdict_get_str(ent, "category"), "named-feature") ||
            !strcmp(qdict_get_str(ent, "category"), "profile")) {
            continue;
        }
        resp = expand(qts, "full", "host", on);
        g_assert_nonnull(resp_error(resp));
        g_assert(g_str_has_prefix(resp_error(resp), prefix));
        g_assert(strstr(resp_error(resp) + strlen(prefix), name));
        /* asked to enable, it does not say "disabling" (QEMU 10.0 did) */
        g_assert_null(strstr(resp_error(resp), "disabling"));
        known_to_kvm += !!strstr(resp_error(resp), "KVM does not support "
                                 "enabling extension");
        qobject_unref(resp);
        refused++;
    }
    g_test_message("%d extensions KVM cannot provide are refused, %d of "
                   "them known to KVM", refused, known_to_kvm);
    g_assert_cmpint(refused, >, 0);
    qobject_unref(info);
    qtest_quit(qts);
}

/* Queries leave the host answer and the guest's CPU as they were. */
static void test_kvm_purity(void)
{
    static const char *const storm[] = {
        NULL, "{ 'zbb': false }", "{ 'v': false, 'zba': false }",
        "{ 'h': true }", "{ 'zicfiss': true }", "{ 'rva22u64': true }",
    };
    QTestState *qts = qtest_init("-machine virt -accel kvm -S");
    QDict *fresh = full_props(qts, "host", NULL, NULL);
    QDict *guest = guest_cpu_props(qts, fresh);
    QDict *now, *guest_now;

    for (int i = 0; i < ARRAY_SIZE(storm); i++) {
        probe_everything(qts, "host", storm[i]);
        probe_everything(qts, "rv64", storm[i]);
        qobject_unref(qtest_qmp(qts, "{ 'execute': 'query-cpu-props-info', "
                                "'arguments': { 'model': "
                                "{ 'name': 'host' } } }"));
    }
    now = full_props(qts, "host", NULL, NULL);
    assert_props_equal(fresh, now, "host after a storm of queries");
    guest_now = guest_cpu_props(qts, fresh);
    assert_props_equal(guest, guest_now, "guest CPU");
    qobject_unref(guest_now);
    qobject_unref(now);
    qobject_unref(guest);
    qobject_unref(fresh);
    qtest_quit(qts);
}

static void add_kvm_tests(void)
{
    if (!qtest_has_accel("kvm")) {
        return;
    }
    qtest_add_func("/riscv/cpu-model/kvm/host", test_kvm_host);
    qtest_add_func("/riscv/cpu-model/kvm/definitions", test_kvm_definitions);
    qtest_add_func("/riscv/cpu-model/kvm/compare-baseline",
                   test_kvm_compare_baseline);
    qtest_add_func("/riscv/cpu-model/kvm/errors", test_kvm_errors);
    qtest_add_func("/riscv/cpu-model/kvm/purity", test_kvm_purity);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    add_kvm_tests();
    if (!qtest_has_accel("tcg")) {
        g_test_skip("TCG is not available");
        return g_test_run();
    }

    qtest_add_func("/riscv/cpu-model/full/property-classes",
                   test_full_property_classes);
    qtest_add_func("/riscv/cpu-model/full/upstream-values",
                   test_full_upstream_values);
    qtest_add_func("/riscv/cpu-model/static/roundtrip", test_static_roundtrip);
    qtest_add_func("/riscv/cpu-model/static/bases", test_static_bases);
    qtest_add_func("/riscv/cpu-model/errors", test_errors);
    qtest_add_func("/riscv/cpu-model/qtest-accel", test_qtest_accel_error);
    qtest_add_func("/riscv/cpu-model/deprecated-props",
                   test_deprecated_props);
    qtest_add_func("/riscv/cpu-model/libvirt-probe", test_libvirt_probe);
    qtest_add_func("/riscv/cpu-model/pipelined", test_pipelined_requests);
    qtest_add_func("/riscv/cpu-model/definitions/fields", test_definitions);
    qtest_add_func("/riscv/cpu-model/definitions/agree-with-cpu-option",
                   test_definitions_agree_with_cpu_option);
    qtest_add_func("/riscv/cpu-model/comparison/laws", test_comparison_laws);
    qtest_add_func("/riscv/cpu-model/baseline/laws", test_baseline_laws);
    qtest_add_func("/riscv/cpu-model/purity/histories",
                   test_purity_histories);
    qtest_add_func("/riscv/cpu-model/purity/running-guest",
                   test_purity_running_guest);
    qtest_add_func("/riscv/cpu-model/purity/quiet", test_purity_quiet);

    qtest_add_func("/riscv/cpu-model/props-info/coverage",
                   test_props_info_coverage);
    qtest_add_func("/riscv/cpu-model/props-info/agree-with-expansion",
                   test_props_info_agree);
    qtest_add_func("/riscv/cpu-model/props-info/requires",
                   test_props_info_requires);
    qtest_add_func("/riscv/cpu-model/props-info/examples",
                   test_props_info_examples);
    qtest_add_func("/riscv/cpu-model/props-info/errors",
                   test_props_info_errors);

    return g_test_run();
}
