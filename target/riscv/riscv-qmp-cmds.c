/*
 * RISC-V CPU model probing over QMP
 *
 * Every command works on one picture of a finalized CPU configuration,
 * RISCVCPUModel: a throwaway CPU is created from a CpuModelInfo, its
 * props are applied through the same QOM setters as -cpu, it is
 * finalized as realize would, and the value of every advertised property
 * is read back.  The commands are then operations on that picture.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#include "qemu/osdep.h"

#include "qapi/error.h"
#include "qapi/qapi-commands-machine-target.h"
#include "qapi/qobject-input-visitor.h"
#include "qapi/visitor.h"
#include "qobject/qbool.h"
#include "qobject/qdict.h"
#include "qobject/qjson.h"
#include "qobject/qlist.h"
#include "qobject/qstring.h"
#include "qom/qom-qobject.h"
#include "qemu/accel.h"
#include "hw/core/cpu.h"
#include "qobject/qnum.h"
#include "system/kvm.h"
#include "system/tcg.h"
#include "hw/qdev-core.h"
#include "cpu-qom.h"
#include "cpu.h"

/*
 * The property catalogue: every user-visible CPU property that
 * expansion reports, in a fixed order, with its class.
 */
typedef enum RISCVPropClass {
    RISCV_PROP_PROFILE,         /* derived from the extensions present */
    RISCV_PROP_MISA,            /* single-letter extension */
    RISCV_PROP_EXTENSION,       /* ratified multi-letter extension */
    RISCV_PROP_EXPERIMENTAL,    /* "x-" extension */
    RISCV_PROP_VENDOR,          /* vendor extension */
    RISCV_PROP_NAMED_FEATURE,   /* read-only, derived by finalization */
    RISCV_PROP_SATP,            /* virtual-memory mode */
    RISCV_PROP_OPTION,          /* any other option */
} RISCVPropClass;

/*
 * How two values of a property compare, and how baseline combines them.
 * See docs/system/riscv/cpu-model-probing.rst for the table.
 */
typedef enum RISCVPropCompare {
    RISCV_CMP_INCLUSION,        /* boolean feature: true > false; AND */
    RISCV_CMP_MASK,             /* bit mask of features: inclusion; AND */
    RISCV_CMP_ORDERED,          /* version: later > earlier; minimum */
    RISCV_CMP_EQUAL,            /* identity, size, behaviour: must match */
    RISCV_CMP_IGNORED,          /* a choice the spec leaves open: no effect */
} RISCVPropCompare;

typedef struct RISCVPropInfo {
    const char *name;
    RISCVPropClass klass;
    RISCVPropCompare cmp;
    uint32_t cfg_offset;        /* named features only */
} RISCVPropInfo;

typedef struct RISCVOptionInfo {
    const char *name;
    RISCVPropCompare cmp;
} RISCVOptionInfo;

/* Options that are not extensions, in the order they are applied. */
static const RISCVOptionInfo riscv_cpu_options[] = {
    { "mmu", RISCV_CMP_INCLUSION },
    { "pmp", RISCV_CMP_INCLUSION },
    { "debug", RISCV_CMP_INCLUSION },
    { "x-misa-w", RISCV_CMP_INCLUSION },
    { "short-isa-string", RISCV_CMP_IGNORED },
    { "rvv_ta_all_1s", RISCV_CMP_IGNORED },
    { "rvv_ma_all_1s", RISCV_CMP_IGNORED },
    { "rvv_vl_half_avl", RISCV_CMP_IGNORED },
    { "vlen", RISCV_CMP_EQUAL },
    { "elen", RISCV_CMP_EQUAL },
    { "cbom_blocksize", RISCV_CMP_EQUAL },
    { "cbop_blocksize", RISCV_CMP_EQUAL },
    { "cboz_blocksize", RISCV_CMP_EQUAL },
    { "pmu-mask", RISCV_CMP_MASK },
    { "mvendorid", RISCV_CMP_EQUAL },
    { "marchid", RISCV_CMP_EQUAL },
    { "mimpid", RISCV_CMP_EQUAL },
    { "resetvec", RISCV_CMP_EQUAL },
    { "rnmi-interrupt-vector", RISCV_CMP_EQUAL },
    { "rnmi-exception-vector", RISCV_CMP_EQUAL },
    { "vext_spec", RISCV_CMP_EQUAL },
    { "priv_spec", RISCV_CMP_ORDERED },
};

static const char *const riscv_satp_mode_names[] = {
    "sv32", "sv39", "sv48", "sv57", "sv64",
};

/* Deprecated spellings, accepted on input, never reported as values. */
static const char *const riscv_deprecated_option_names[] = {
    "pmu-num",
};

static GArray *riscv_prop_catalogue;

static void catalogue_add(RISCVPropClass klass, const char *name,
                          uint32_t cfg_offset)
{
    RISCVPropInfo info = {
        .name = name, .klass = klass, .cmp = RISCV_CMP_INCLUSION,
        .cfg_offset = cfg_offset,
    };

    g_array_append_val(riscv_prop_catalogue, info);
}

static void catalogue_add_multi(RISCVPropClass klass,
                                const RISCVCPUMultiExtConfig *arr)
{
    for (int i = 0; arr[i].name; i++) {
        catalogue_add(klass, arr[i].name, arr[i].offset);
    }
}

/* Built once from QEMU's own tables; read-only afterwards. */
static const GArray *riscv_cpu_prop_catalogue(void)
{
    if (riscv_prop_catalogue) {
        return riscv_prop_catalogue;
    }

    riscv_prop_catalogue = g_array_new(false, false, sizeof(RISCVPropInfo));
    for (int i = 0; riscv_profiles[i]; i++) {
        catalogue_add(RISCV_PROP_PROFILE, riscv_profiles[i]->name, 0);
    }
    for (int i = 0; misa_bits[i]; i++) {
        catalogue_add(RISCV_PROP_MISA, riscv_get_misa_ext_name(misa_bits[i]),
                      0);
    }
    catalogue_add_multi(RISCV_PROP_EXTENSION, riscv_cpu_extensions);
    catalogue_add_multi(RISCV_PROP_EXPERIMENTAL, riscv_cpu_experimental_exts);
    catalogue_add_multi(RISCV_PROP_VENDOR, riscv_cpu_vendor_exts);
    catalogue_add_multi(RISCV_PROP_NAMED_FEATURE, riscv_cpu_named_features);
    for (int i = 0; i < ARRAY_SIZE(riscv_satp_mode_names); i++) {
        catalogue_add(RISCV_PROP_SATP, riscv_satp_mode_names[i], 0);
    }
    for (int i = 0; i < ARRAY_SIZE(riscv_cpu_options); i++) {
        catalogue_add(RISCV_PROP_OPTION, riscv_cpu_options[i].name, 0);
        g_array_index(riscv_prop_catalogue, RISCVPropInfo,
                      riscv_prop_catalogue->len - 1).cmp =
            riscv_cpu_options[i].cmp;
    }
    return riscv_prop_catalogue;
}

static const RISCVPropInfo *riscv_cpu_prop_lookup(const char *name)
{
    static GHashTable *index;

    if (!index) {
        const GArray *cat = riscv_cpu_prop_catalogue();

        index = g_hash_table_new(g_str_hash, g_str_equal);
        for (guint i = 0; i < cat->len; i++) {
            RISCVPropInfo *info = &g_array_index(cat, RISCVPropInfo, i);

            g_hash_table_insert(index, (gpointer)info->name, info);
        }
    }
    return g_hash_table_lookup(index, name);
}

/* Derived properties: computed by finalization, never part of a delta. */
static bool riscv_prop_is_derived(const RISCVPropInfo *info)
{
    return info->klass == RISCV_PROP_PROFILE ||
           info->klass == RISCV_PROP_NAMED_FEATURE;
}

/*
 * The picture of a finalized CPU configuration.
 */
typedef struct RISCVCPUModel {
    ObjectClass *oc;
    char *name;                 /* model name */
    RISCVMXL mxl;               /* XLEN */
    bool rve;                   /* base ISA E instead of I */
    QDict *props;               /* catalogue name -> effective value */
} RISCVCPUModel;

static void riscv_cpu_model_free(RISCVCPUModel *model)
{
    if (model) {
        g_free(model->name);
        qobject_unref(model->props);
        g_free(model);
    }
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC(RISCVCPUModel, riscv_cpu_model_free)

/* Static models never change: vendor CPUs and bare (incl. profile) CPUs. */
static bool riscv_cpu_class_is_static(ObjectClass *oc)
{
    return object_class_dynamic_cast(oc, TYPE_RISCV_VENDOR_CPU) ||
           object_class_dynamic_cast(oc, TYPE_RISCV_BARE_CPU);
}

static ObjectClass *riscv_cpu_model_class(const char *name, Error **errp)
{
    g_autofree char *typename = NULL;
    ObjectClass *oc;

    if (!tcg_enabled() && !kvm_enabled()) {
        error_setg(errp, "CPU model probing needs the tcg or kvm "
                   "accelerator, not %s", current_accel_name());
        return NULL;
    }
    /*
     * Without KVM the host is the emulator itself, so 'host' names the
     * most capable CPU TCG provides, as the expansion of 'host' under TCG
     * does on x86.  libvirt asks for it to record its host CPU.
     */
    if (!strcmp(name, "host") && !kvm_enabled()) {
        name = "max";
    }
    typename = g_strdup_printf(RISCV_CPU_TYPE_NAME("%s"), name);
    oc = object_class_by_name(typename);

    if (!oc || !object_class_dynamic_cast(oc, TYPE_RISCV_CPU) ||
        strchr(name, ',')) {
        /* Only the abstract types are named by their QOM type name */
        oc = object_class_by_name(name);
        if (!oc || !object_class_dynamic_cast(oc, TYPE_RISCV_CPU) ||
            !object_class_is_abstract(oc)) {
            error_setg(errp, "The CPU type '%s' is not a known RISC-V CPU "
                       "type", name);
            return NULL;
        }
    }
    if (object_class_is_abstract(oc)) {
        error_setg(errp, "The CPU type '%s' is abstract and cannot be "
                   "used as a CPU model", name);
        return NULL;
    }
    return oc;
}

/* Order in which props are applied: profiles first, options last. */
typedef struct RISCVPropToApply {
    const char *name;
    int rank;
    guint position;
} RISCVPropToApply;

static gint riscv_prop_apply_cmp(gconstpointer a, gconstpointer b)
{
    const RISCVPropToApply *pa = a, *pb = b;

    if (pa->rank != pb->rank) {
        return pa->rank - pb->rank;
    }
    return pa->position - pb->position;
}

/*
 * Apply @props to @obj through the QOM setters, as -cpu does.  A JSON
 * object has no order, so the order is fixed: profiles, MISA letters,
 * extensions, satp modes, then the other options, so that a profile
 * never overrides an extension or priv_spec given next to it.
 */
static bool riscv_cpu_apply_props(Object *obj, const char *model,
                                  QObject *props, Error **errp)
{
    g_autoptr(GArray) keys = g_array_new(false, false,
                                         sizeof(RISCVPropToApply));
    Visitor *v = qobject_input_visitor_new(props);
    const QDict *qdict;
    const QDictEntry *e;
    bool ok = false;

    if (!visit_start_struct(v, "model.props", NULL, 0, errp)) {
        goto out;
    }
    qdict = qobject_to(QDict, props);
    for (e = qdict_first(qdict); e; e = qdict_next(qdict, e)) {
        const RISCVPropInfo *info = riscv_cpu_prop_lookup(qdict_entry_key(e));
        RISCVPropToApply key = {
            .name = qdict_entry_key(e),
            /* deprecated spellings go with the extensions */
            .rank = info ? info->klass : RISCV_PROP_EXTENSION,
            .position = keys->len,
        };

        g_array_append_val(keys, key);
    }
    g_array_sort(keys, riscv_prop_apply_cmp);

    for (guint i = 0; i < keys->len; i++) {
        const char *name = g_array_index(keys, RISCVPropToApply, i).name;
        const RISCVPropInfo *info = riscv_cpu_prop_lookup(name);
        Error *err = NULL;

        if (info && info->klass == RISCV_PROP_NAMED_FEATURE) {
            error_setg(errp, "Property '%s' is a named feature: it cannot "
                       "be set, it follows from the other properties",
                       name);
            goto out;
        }
        if (!object_property_find(obj, name)) {
            error_setg(errp, "CPU model '%s' has no property '%s'",
                       model, name);
            goto out;
        }
        if (!object_property_set(obj, name, v, &err)) {
            error_propagate_prepend(errp, err, "Cannot set '%s': ", name);
            goto out;
        }
    }
    ok = visit_check_struct(v, errp);
    visit_end_struct(v, NULL);
out:
    visit_free(v);
    return ok;
}

/* Read the effective value of every catalogue property of @cpu. */
static QDict *riscv_cpu_read_props(RISCVCPU *cpu)
{
    const GArray *cat = riscv_cpu_prop_catalogue();
    Object *obj = OBJECT(cpu);
    QDict *props = qdict_new();

    for (guint i = 0; i < cat->len; i++) {
        const RISCVPropInfo *info = &g_array_index(cat, RISCVPropInfo, i);
        QObject *value;

        if (info->klass == RISCV_PROP_NAMED_FEATURE) {
            value = QOBJECT(qbool_from_bool(
                        isa_ext_is_enabled(cpu, info->cfg_offset)));
        } else if (object_property_find(obj, info->name)) {
            value = object_property_get_qobject(obj, info->name,
                                                &error_abort);
        } else {
            continue;
        }
        qdict_put_obj(props, info->name, value);
    }
    return props;
}

/*
 * Build the picture of model @name with @props: what -cpu name,props
 * would configure, finalized.  The throwaway CPU is dropped again.
 */
static RISCVCPUModel *riscv_cpu_model_build(const char *name,
                                            QObject *props, Error **errp)
{
    ObjectClass *oc = riscv_cpu_model_class(name, errp);
    RISCVCPUModel *model;
    Error *err = NULL;
    Object *obj;
    RISCVCPU *cpu;

    if (!oc) {
        return NULL;
    }

    obj = object_new(object_class_get_name(oc));
    cpu = RISCV_CPU(obj);
    if (!riscv_cpu_accelerator_compatible(cpu)) {
        error_setg(errp, "'%s' CPU not available with %s", name,
                   current_accel_name());
        goto fail;
    }
    if (props && !riscv_cpu_apply_props(obj, name, props, errp)) {
        goto fail;
    }
    riscv_cpu_finalize_features(cpu, &err);
    if (err) {
        error_propagate(errp, err);
        goto fail;
    }

    model = g_new0(RISCVCPUModel, 1);
    model->oc = oc;
    model->name = g_strdup(name);
    model->mxl = RISCV_CPU_GET_CLASS(cpu)->misa_mxl_max;
    model->rve = riscv_has_ext(&cpu->env, RVE);
    model->props = riscv_cpu_read_props(cpu);
    object_unref(obj);
    return model;

fail:
    object_unref(obj);
    return NULL;
}

static RISCVCPUModel *riscv_cpu_model_copy(const RISCVCPUModel *model)
{
    RISCVCPUModel *copy = g_memdup2(model, sizeof(*model));

    copy->name = g_strdup(model->name);
    copy->props = qobject_ref(model->props);
    return copy;
}

/*
 * Memo of the models expanded without props: model name -> picture.
 *
 * Building a CPU costs far more than the rest of a query.  Once purity
 * holds, the picture of a model without props depends only on the model,
 * the accelerator and the -cpu/-global options; the last two are fixed
 * once the machine is ready.  So memoize only then, only inputs without
 * props: the memo is keyed on everything that determines the answer and
 * bounded by the number of CPU types.  The pictures are never modified.
 */
static GHashTable *riscv_cpu_model_memo;

static RISCVCPUModel *riscv_cpu_model_new(const char *name, QObject *props,
                                          Error **errp)
{
    RISCVCPUModel *model;

    if (props || !phase_check(PHASE_MACHINE_READY)) {
        return riscv_cpu_model_build(name, props, errp);
    }
    if (!riscv_cpu_model_memo) {
        riscv_cpu_model_memo = g_hash_table_new_full(
            g_str_hash, g_str_equal, g_free,
            (GDestroyNotify)riscv_cpu_model_free);
    }
    model = g_hash_table_lookup(riscv_cpu_model_memo, name);
    if (!model) {
        model = riscv_cpu_model_build(name, NULL, errp);
        if (!model) {
            return NULL;
        }
        g_hash_table_insert(riscv_cpu_model_memo, g_strdup(name), model);
    }
    return riscv_cpu_model_copy(model);
}

/*
 * Static expansion: a static base model plus the smallest delta.
 *
 * A static model (vendor, bare or profile CPU) is its own base.  A
 * dynamic one (rv64, rv32, max, max32, host) is described on the bare
 * CPU of the same XLEN and base ISA: rv64i, rv64e, rv32i or rv32e.
 */
static const char *riscv_cpu_static_base(const RISCVCPUModel *model,
                                         Error **errp)
{
    if (riscv_cpu_class_is_static(model->oc)) {
        return model->name;
    }
    switch (model->mxl) {
    case MXL_RV32:
        return model->rve ? "rv32e" : "rv32i";
    case MXL_RV64:
        return model->rve ? "rv64e" : "rv64i";
    default:
        error_setg(errp, "CPU model '%s' has no static expansion: there is "
                   "no static %d-bit base model", model->name,
                   16 << model->mxl);
        return NULL;
    }
}

/*
 * Add to @delta, with their value in @model, the settable properties
 * whose value in @model differs from @other.  Returns how many it added.
 */
static int riscv_cpu_model_add_differences(QDict *delta,
                                           const RISCVCPUModel *other,
                                           const RISCVCPUModel *model)
{
    const QDictEntry *e;
    int added = 0;

    for (e = qdict_first(model->props); e; e = qdict_next(model->props, e)) {
        const char *name = qdict_entry_key(e);
        QObject *value = qdict_entry_value(e);

        if (riscv_prop_is_derived(riscv_cpu_prop_lookup(name)) ||
            qobject_is_equal(value, qdict_get(other->props, name))) {
            continue;
        }
        qdict_put_obj(delta, name, qobject_ref(value));
        added++;
    }
    return added;
}

/*
 * The smallest delta on @base_name that gives back @model.
 *
 * Start with the properties that differ from the base.  Finalization may
 * still change properties the delta leaves at their default (setting
 * Zca and Zcd turns C on unless C was set explicitly, B turns Zba on
 * unless Zba was set...), so check the delta by expanding it, and pin
 * what came out differently, until the expansion of the delta is @model.
 */
static QDict *riscv_cpu_static_delta(const char *base_name,
                                     const RISCVCPUModel *model,
                                     bool with_derived, Error **errp)
{
    g_autoptr(RISCVCPUModel) base = riscv_cpu_model_new(base_name, NULL,
                                                        errp);
    QDict *delta;

    if (!base) {
        return NULL;
    }
    delta = qdict_new();
    riscv_cpu_model_add_differences(delta, base, model);

    for (int round = 0; round < 8; round++) {
        g_autoptr(RISCVCPUModel) check = NULL;

        check = riscv_cpu_model_new(base_name, QOBJECT(delta), errp);
        if (!check) {
            error_prepend(errp, "CPU model '%s' has no static expansion: ",
                          model->name);
            qobject_unref(delta);
            return NULL;
        }
        if (!riscv_cpu_model_add_differences(delta, check, model)) {
            if (!with_derived || qobject_is_equal(QOBJECT(check->props),
                                                  QOBJECT(model->props))) {
                return delta;
            }
            break;
        }
    }
    error_setg(errp, "CPU model '%s' has no static expansion on '%s'",
               model->name, base_name);
    qobject_unref(delta);
    return NULL;
}

static void qdict_unref_notify(gpointer qdict)
{
    qobject_unref((QDict *)qdict);
}

/* As riscv_cpu_static_delta(), memoized like riscv_cpu_model_new(). */
static GHashTable *riscv_cpu_static_delta_memo_table;

static QDict *riscv_cpu_static_delta_memo(const char *base_name,
                                          const RISCVCPUModel *model,
                                          bool memoize, Error **errp)
{
    QDict *delta;

    if (!memoize || !phase_check(PHASE_MACHINE_READY)) {
        return riscv_cpu_static_delta(base_name, model, true, errp);
    }
    if (!riscv_cpu_static_delta_memo_table) {
        riscv_cpu_static_delta_memo_table = g_hash_table_new_full(
            g_str_hash, g_str_equal, g_free, qdict_unref_notify);
    }
    delta = g_hash_table_lookup(riscv_cpu_static_delta_memo_table,
                                model->name);
    if (!delta) {
        delta = riscv_cpu_static_delta(base_name, model, true, errp);
        if (!delta) {
            return NULL;
        }
        g_hash_table_insert(riscv_cpu_static_delta_memo_table,
                            g_strdup(model->name), delta);
    }
    return qobject_ref(delta);
}

/* Is the deprecated property @name in effect in @props? */
static bool riscv_deprecated_prop_in_effect(const char *name, QDict *props)
{
    g_autofree char *lower = g_ascii_strdown(name, -1);
    QObject *value;

    if (!strcmp(name, "pmu-num")) {
        return qdict_get_try_int(props, "pmu-mask", 0) != 0;
    }
    value = qdict_get(props, lower);
    return value && qobject_type(value) == QTYPE_QBOOL &&
           qbool_get_bool(qobject_to(QBool, value));
}

/*
 * @full: every deprecated property of the architecture;
 * @static: those in effect in the expanded model.
 */
static strList *riscv_cpu_deprecated_props(QDict *props, bool full)
{
    strList *list = NULL, **tail = &list;

    for (int i = 0; riscv_cpu_deprecated_exts[i].name; i++) {
        const char *name = riscv_cpu_deprecated_exts[i].name;

        if (full || riscv_deprecated_prop_in_effect(name, props)) {
            QAPI_LIST_APPEND(tail, g_strdup(name));
        }
    }
    for (int i = 0; i < ARRAY_SIZE(riscv_deprecated_option_names); i++) {
        const char *name = riscv_deprecated_option_names[i];

        if (full || riscv_deprecated_prop_in_effect(name, props)) {
            QAPI_LIST_APPEND(tail, g_strdup(name));
        }
    }
    return list;
}

CpuModelExpansionInfo *qmp_query_cpu_model_expansion(CpuModelExpansionType type,
                                                     CpuModelInfo *info,
                                                     Error **errp)
{
    g_autoptr(RISCVCPUModel) model = NULL;
    CpuModelExpansionInfo *expansion;
    const char *base_name;
    QDict *delta;

    model = riscv_cpu_model_new(info->name, info->props, errp);
    if (!model) {
        return NULL;
    }

    expansion = g_new0(CpuModelExpansionInfo, 1);
    expansion->model = g_new0(CpuModelInfo, 1);

    switch (type) {
    case CPU_MODEL_EXPANSION_TYPE_FULL:
        expansion->model->name = g_strdup(info->name);
        expansion->model->props = QOBJECT(qobject_ref(model->props));
        expansion->deprecated_props =
            riscv_cpu_deprecated_props(model->props, true);
        return expansion;
    case CPU_MODEL_EXPANSION_TYPE_STATIC:
        base_name = riscv_cpu_static_base(model, errp);
        delta = base_name ? riscv_cpu_static_delta_memo(base_name, model,
                                                        !info->props, errp)
                          : NULL;
        if (!delta) {
            qapi_free_CpuModelExpansionInfo(expansion);
            return NULL;
        }
        expansion->model->name = g_strdup(base_name);
        expansion->model->props = QOBJECT(delta);
        expansion->deprecated_props =
            riscv_cpu_deprecated_props(model->props, false);
        return expansion;
    default:
        qapi_free_CpuModelExpansionInfo(expansion);
        error_setg(errp, "The requested expansion type is not supported");
        return NULL;
    }
}

/*
 * Comparison
 */

/* "v1.12.0" -> 0x010c00; 0 if it does not parse. */
static uint32_t riscv_spec_version(QObject *value)
{
    QString *str = qobject_to(QString, value);
    unsigned int major, minor, patch = 0;

    if (!str || sscanf(qstring_get_str(str), "v%u.%u.%u", &major, &minor,
                       &patch) < 2) {
        return 0;
    }
    return major << 16 | minor << 8 | patch;
}

/*
 * Compare the values @a and @b of one property: does @a have something
 * @b lacks (*a_more), and the other way round (*b_more)?
 */
static void riscv_prop_compare(const RISCVPropInfo *info, QObject *a,
                               QObject *b, bool *a_more, bool *b_more)
{
    *a_more = *b_more = false;
    if (qobject_is_equal(a, b) || (info && info->cmp == RISCV_CMP_IGNORED)) {
        return;
    }
    if (!a || !b || !info) {
        *a_more = *b_more = true;
        return;
    }
    switch (info->cmp) {
    case RISCV_CMP_INCLUSION:
        *a_more = qbool_get_bool(qobject_to(QBool, a));
        *b_more = !*a_more;
        return;
    case RISCV_CMP_MASK: {
        uint64_t ma = 0, mb = 0;

        qnum_get_try_uint(qobject_to(QNum, a), &ma);
        qnum_get_try_uint(qobject_to(QNum, b), &mb);
        *a_more = ma & ~mb;
        *b_more = mb & ~ma;
        return;
    }
    case RISCV_CMP_ORDERED:
        *a_more = riscv_spec_version(a) > riscv_spec_version(b);
        *b_more = !*a_more;
        return;
    case RISCV_CMP_EQUAL:
    default:
        *a_more = *b_more = true;
        return;
    }
}

static bool riscv_cpu_model_same_base(const RISCVCPUModel *a,
                                      const RISCVCPUModel *b)
{
    return a->mxl == b->mxl && a->rve == b->rve;
}

/* Names of the properties of @a and @b, in catalogue order. */
static GPtrArray *riscv_cpu_models_prop_names(const RISCVCPUModel *a,
                                              const RISCVCPUModel *b)
{
    const GArray *cat = riscv_cpu_prop_catalogue();
    GPtrArray *names = g_ptr_array_new();

    for (guint i = 0; i < cat->len; i++) {
        const RISCVPropInfo *info = &g_array_index(cat, RISCVPropInfo, i);

        if (qdict_haskey(a->props, info->name) ||
            qdict_haskey(b->props, info->name)) {
            g_ptr_array_add(names, (gpointer)info->name);
        }
    }
    return names;
}

static CpuModelCompareResult riscv_cpu_model_compare(const RISCVCPUModel *a,
                                                     const RISCVCPUModel *b,
                                                     strList **responsible)
{
    g_autoptr(GPtrArray) names = NULL;
    strList **tail = responsible;
    bool a_more = false, b_more = false;

    if (!riscv_cpu_model_same_base(a, b)) {
        QAPI_LIST_APPEND(tail, g_strdup("type"));
        return CPU_MODEL_COMPARE_RESULT_INCOMPATIBLE;
    }

    names = riscv_cpu_models_prop_names(a, b);
    for (guint i = 0; i < names->len; i++) {
        const char *name = g_ptr_array_index(names, i);
        bool am, bm;

        riscv_prop_compare(riscv_cpu_prop_lookup(name),
                           qdict_get(a->props, name),
                           qdict_get(b->props, name), &am, &bm);
        if (am || bm) {
            QAPI_LIST_APPEND(tail, g_strdup(name));
        }
        a_more |= am;
        b_more |= bm;
    }

    if (a_more && b_more) {
        return CPU_MODEL_COMPARE_RESULT_INCOMPATIBLE;
    } else if (a_more) {
        return CPU_MODEL_COMPARE_RESULT_SUPERSET;
    } else if (b_more) {
        return CPU_MODEL_COMPARE_RESULT_SUBSET;
    }
    return CPU_MODEL_COMPARE_RESULT_IDENTICAL;
}

/* The pictures of the two models of a comparison or a baseline. */
static bool riscv_cpu_model_pair_new(CpuModelInfo *infoa, CpuModelInfo *infob,
                                     RISCVCPUModel **a, RISCVCPUModel **b,
                                     Error **errp)
{
    *a = riscv_cpu_model_new(infoa->name, infoa->props, errp);
    if (!*a) {
        return false;
    }
    *b = riscv_cpu_model_new(infob->name, infob->props, errp);
    return *b != NULL;
}

CpuModelCompareInfo *qmp_query_cpu_model_comparison(CpuModelInfo *infoa,
                                                    CpuModelInfo *infob,
                                                    Error **errp)
{
    g_autoptr(RISCVCPUModel) a = NULL;
    g_autoptr(RISCVCPUModel) b = NULL;
    CpuModelCompareInfo *info;

    if (!riscv_cpu_model_pair_new(infoa, infob, &a, &b, errp)) {
        return NULL;
    }

    info = g_new0(CpuModelCompareInfo, 1);
    info->result = riscv_cpu_model_compare(a, b,
                                           &info->responsible_properties);
    return info;
}

/*
 * Baseline: the largest configuration that both models contain.
 *
 * Each finalized model is closed under the implication and requirement
 * rules, so their intersection is closed as well: an extension in both
 * brings what it implies and requires, which is then in both too.  The
 * result is expressed on the static base, like a static expansion, and
 * checked by expanding it.
 */
static QObject *riscv_prop_meet(const RISCVPropInfo *info, const char *name,
                                QObject *a, QObject *b,
                                const RISCVCPUModel *ma,
                                const RISCVCPUModel *mb, Error **errp)
{
    uint64_t va = 0, vb = 0;

    if (qobject_is_equal(a, b)) {
        return qobject_ref(a);
    }
    if (a && b && info) {
        switch (info->cmp) {
        case RISCV_CMP_INCLUSION:
            return QOBJECT(qbool_from_bool(false));
        case RISCV_CMP_MASK:
            qnum_get_try_uint(qobject_to(QNum, a), &va);
            qnum_get_try_uint(qobject_to(QNum, b), &vb);
            return QOBJECT(qnum_from_uint(va & vb));
        case RISCV_CMP_ORDERED:
            return qobject_ref(riscv_spec_version(a) < riscv_spec_version(b)
                               ? a : b);
        case RISCV_CMP_IGNORED:
            return QOBJECT(qbool_from_bool(false));   /* QEMU's default */
        default:
            break;
        }
    }
    {
        g_autoptr(GString) ja = a ? qobject_to_json(a) : NULL;
        g_autoptr(GString) jb = b ? qobject_to_json(b) : NULL;

        error_setg(errp, "No common CPU model: '%s' is %s in '%s' and %s "
                   "in '%s', and it must match", name,
                   ja ? ja->str : "absent", ma->name,
                   jb ? jb->str : "absent", mb->name);
    }
    return NULL;
}

static CpuModelInfo *riscv_cpu_model_baseline(const RISCVCPUModel *a,
                                              const RISCVCPUModel *b,
                                              Error **errp)
{
    g_autoptr(RISCVCPUModel) meet = NULL;
    g_autoptr(GPtrArray) names = NULL;
    const char *base_name;
    CpuModelInfo *info;
    QDict *delta;

    if (!riscv_cpu_model_same_base(a, b)) {
        error_setg(errp, "No common CPU model: '%s' is RV%d%s and '%s' is "
                   "RV%d%s", a->name, 16 << a->mxl, a->rve ? "E" : "I",
                   b->name, 16 << b->mxl, b->rve ? "E" : "I");
        return NULL;
    }

    meet = g_new0(RISCVCPUModel, 1);
    meet->name = g_strdup_printf("baseline of %s and %s", a->name, b->name);
    meet->mxl = a->mxl;
    meet->rve = a->rve;
    meet->props = qdict_new();

    names = riscv_cpu_models_prop_names(a, b);
    for (guint i = 0; i < names->len; i++) {
        const char *name = g_ptr_array_index(names, i);
        const RISCVPropInfo *prop = riscv_cpu_prop_lookup(name);
        QObject *value;

        if (riscv_prop_is_derived(prop)) {
            continue;   /* follows from the rest */
        }
        value = riscv_prop_meet(prop, name, qdict_get(a->props, name),
                                qdict_get(b->props, name), a, b, errp);
        if (!value) {
            return NULL;
        }
        qdict_put_obj(meet->props, name, value);
    }

    base_name = riscv_cpu_static_base(meet, errp);
    if (!base_name) {
        return NULL;
    }
    delta = riscv_cpu_static_delta(base_name, meet, false, errp);
    if (!delta) {
        return NULL;
    }
    info = g_new0(CpuModelInfo, 1);
    info->name = g_strdup(base_name);
    info->props = QOBJECT(delta);
    return info;
}

CpuModelBaselineInfo *qmp_query_cpu_model_baseline(CpuModelInfo *infoa,
                                                  CpuModelInfo *infob,
                                                  Error **errp)
{
    g_autoptr(RISCVCPUModel) a = NULL;
    g_autoptr(RISCVCPUModel) b = NULL;
    CpuModelBaselineInfo *baseline;
    CpuModelInfo *model;

    if (!riscv_cpu_model_pair_new(infoa, infob, &a, &b, errp)) {
        return NULL;
    }
    model = riscv_cpu_model_baseline(a, b, errp);
    if (!model) {
        return NULL;
    }
    baseline = g_new0(CpuModelBaselineInfo, 1);
    baseline->model = model;
    return baseline;
}

/*
 * Definitions
 */

/*
 * What keeps @name from running here as it is: "type" when -cpu would
 * refuse the model itself, or, under KVM, the properties the host
 * cannot provide.  Empty when the model can be used as it is.
 */
static strList *riscv_cpu_unavailable_features(ObjectClass *oc,
                                               const char *name)
{
    g_autoptr(RISCVCPUModel) model = NULL;
    g_autoptr(RISCVCPUModel) host = NULL;
    strList *list = NULL, **tail = &list;
    Error *err = NULL;

    /* realize refuses 128-bit CPUs with multi-threaded TCG */
    if (tcg_enabled() && qemu_tcg_mttcg_enabled() &&
        RISCV_CPU_CLASS(oc)->misa_mxl_max >= MXL_RV128) {
        QAPI_LIST_APPEND(tail, g_strdup("type"));
        return list;
    }

    model = riscv_cpu_model_new(name, NULL, &err);
    if (!model) {
        error_free(err);
        QAPI_LIST_APPEND(tail, g_strdup("type"));
        return list;
    }

    if (kvm_enabled() && strcmp(name, "host")) {
        g_autoptr(GPtrArray) names = NULL;

        host = riscv_cpu_model_new("host", NULL, &err);
        if (!host) {
            error_free(err);
            QAPI_LIST_APPEND(tail, g_strdup("type"));
            return list;
        }
        if (!riscv_cpu_model_same_base(model, host)) {
            QAPI_LIST_APPEND(tail, g_strdup("type"));
            return list;
        }
        names = riscv_cpu_models_prop_names(model, host);
        for (guint i = 0; i < names->len; i++) {
            const char *prop = g_ptr_array_index(names, i);
            const RISCVPropInfo *info = riscv_cpu_prop_lookup(prop);
            bool model_more, host_more;

            if (riscv_prop_is_derived(info)) {
                continue;
            }
            riscv_prop_compare(info, qdict_get(model->props, prop),
                               qdict_get(host->props, prop),
                               &model_more, &host_more);
            if (model_more) {
                QAPI_LIST_APPEND(tail, g_strdup(prop));
            }
        }
    }
    return list;
}

static CpuDefinitionInfo *riscv_cpu_definition(ObjectClass *oc)
{
    CpuDefinitionInfo *def = g_new0(CpuDefinitionInfo, 1);

    def->q_typename = g_strdup(object_class_get_name(oc));
    def->name = cpu_model_from_type(def->q_typename);
    def->q_static = riscv_cpu_class_is_static(oc);
    /* a static model never changes, so it is safe to migrate */
    def->has_migration_safe = true;
    def->migration_safe = def->q_static;
    def->deprecated = false;
    def->has_unavailable_features = true;
    def->unavailable_features = riscv_cpu_unavailable_features(oc, def->name);
    return def;
}

/* Every model, in the order of their names. */
CpuDefinitionInfoList *qmp_query_cpu_definitions(Error **errp)
{
    g_autoptr(GSList) classes = object_class_get_list_sorted(TYPE_RISCV_CPU,
                                                             false);
    CpuDefinitionInfoList *defs = NULL, **tail = &defs;

    for (GSList *c = classes; c; c = c->next) {
        QAPI_LIST_APPEND(tail, riscv_cpu_definition(c->data));
    }
    return defs;
}
