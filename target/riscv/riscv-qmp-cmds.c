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

#include "qapi/clone-visitor.h"
#include "qapi/qapi-builtin-visit.h"
#include "qapi/error.h"
#include "qapi/qapi-commands-machine.h"
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
    uint32_t cfg_offset;        /* multi-letter extensions */
    uint32_t misa_bit;          /* MISA letters */
    const char *description;    /* options */
} RISCVPropInfo;

typedef struct RISCVOptionInfo {
    const char *name;
    RISCVPropCompare cmp;
    const char *description;
} RISCVOptionInfo;

/* Options that are not extensions, in the order they are applied. */
static const RISCVOptionInfo riscv_cpu_options[] = {
    { "mmu", RISCV_CMP_INCLUSION, "Memory management unit" },
    { "pmp", RISCV_CMP_INCLUSION, "Physical memory protection" },
    { "debug", RISCV_CMP_INCLUSION, "Debug triggers (Sdtrig)" },
    { "x-misa-w", RISCV_CMP_INCLUSION, "Writable misa CSR (experimental)" },
    { "short-isa-string", RISCV_CMP_IGNORED,
      "Only single-letter extensions in the device tree ISA string" },
    { "rvv_ta_all_1s", RISCV_CMP_IGNORED,
      "Vector tail-agnostic elements are set to all 1s" },
    { "rvv_ma_all_1s", RISCV_CMP_IGNORED,
      "Vector mask-agnostic elements are set to all 1s" },
    { "rvv_vl_half_avl", RISCV_CMP_IGNORED,
      "vsetvl sets vl to ceil(AVL / 2) when AVL < 2 * VLMAX" },
    { "vlen", RISCV_CMP_EQUAL, "Vector register length in bits (VLEN)" },
    { "elen", RISCV_CMP_EQUAL, "Maximum vector element width (ELEN)" },
    { "cbom_blocksize", RISCV_CMP_EQUAL,
      "Cache block size of the Zicbom instructions, in bytes" },
    { "cbop_blocksize", RISCV_CMP_EQUAL,
      "Cache block size of the Zicbop instructions, in bytes" },
    { "cboz_blocksize", RISCV_CMP_EQUAL,
      "Cache block size of the Zicboz instructions, in bytes" },
    { "pmu-mask", RISCV_CMP_MASK,
      "Programmable hardware performance counters (bits 3 to 31)" },
    { "mvendorid", RISCV_CMP_EQUAL, "Vendor ID (mvendorid CSR)" },
    { "marchid", RISCV_CMP_EQUAL, "Architecture ID (marchid CSR)" },
    { "mimpid", RISCV_CMP_EQUAL, "Implementation ID (mimpid CSR)" },
    { "resetvec", RISCV_CMP_EQUAL, "Reset vector address" },
    { "rnmi-interrupt-vector", RISCV_CMP_EQUAL,
      "Resumable NMI interrupt vector address (Smrnmi)" },
    { "rnmi-exception-vector", RISCV_CMP_EQUAL,
      "Resumable NMI exception vector address (Smrnmi)" },
    { "vext_spec", RISCV_CMP_EQUAL, "Vector extension specification version" },
    { "priv_spec", RISCV_CMP_ORDERED, "Privileged specification version" },
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
        g_array_index(riscv_prop_catalogue, RISCVPropInfo,
                      riscv_prop_catalogue->len - 1).misa_bit = misa_bits[i];
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
        g_array_index(riscv_prop_catalogue, RISCVPropInfo,
                      riscv_prop_catalogue->len - 1).description =
            riscv_cpu_options[i].description;
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
    cpu->query_only = true;
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
static bool riscv_props_on(QDict *props, const char *name)
{
    QBool *b = qobject_to(QBool, qdict_get(props, name));

    return b && qbool_get_bool(b);
}

static const char *riscv_ext_name_by_offset(uint32_t offset)
{
    const GArray *cat = riscv_cpu_prop_catalogue();

    for (guint i = 0; i < cat->len; i++) {
        const RISCVPropInfo *info = &g_array_index(cat, RISCVPropInfo, i);

        if (info->klass != RISCV_PROP_PROFILE &&
            info->klass != RISCV_PROP_MISA && info->klass != RISCV_PROP_SATP &&
            info->klass != RISCV_PROP_OPTION && info->cfg_offset == offset) {
            return info->name;
        }
    }
    return NULL;
}

static bool riscv_str_list_has(strList *list, const char *name)
{
    for (; list; list = list->next) {
        if (!strcmp(list->value, name)) {
            return true;
        }
    }
    return false;
}

static void riscv_list_if_off(strList **list, const RISCVCPUModel *host,
                              const char *name)
{
    const RISCVPropInfo *info = name ? riscv_cpu_prop_lookup(name) : NULL;

    /* KVM does not report named features: the host may well have them */
    if (info && info->klass != RISCV_PROP_NAMED_FEATURE &&
        !riscv_props_on(host->props, name) &&
        !riscv_str_list_has(*list, name)) {
        while (*list) {
            list = &(*list)->next;
        }
        QAPI_LIST_APPEND(list, g_strdup(name));
    }
}

/*
 * What the profile @profile (and its parents) mandates and @host lacks.
 * Under KVM, QEMU builds every CPU from the host's registers, so the
 * picture of a profile CPU is the host's; the profile says what the
 * model is.
 */
static void riscv_profile_unavailable(const RISCVCPUProfile *profile,
                                      const RISCVCPUModel *host,
                                      strList **list)
{
    if (!profile) {
        return;
    }
    riscv_profile_unavailable(profile->u_parent, host, list);
    riscv_profile_unavailable(profile->s_parent, host, list);
    for (int i = 0; misa_bits[i]; i++) {
        if (!(profile->misa_ext & misa_bits[i]) ||
            misa_bits[i] == RVS || misa_bits[i] == RVU) {
            /* KVM's ISA register has no S or U: every KVM guest has both */
            continue;
        }
        if (misa_bits[i] == RVB) {
            /* nor B: the host has it when it has its three extensions */
            riscv_list_if_off(list, host, "zba");
            riscv_list_if_off(list, host, "zbb");
            riscv_list_if_off(list, host, "zbs");
            continue;
        }
        riscv_list_if_off(list, host, riscv_get_misa_ext_name(misa_bits[i]));
    }
    for (int i = 0; profile->ext_offsets[i] != RISCV_PROFILE_EXT_LIST_END;
         i++) {
        riscv_list_if_off(list, host,
                          riscv_ext_name_by_offset(profile->ext_offsets[i]));
    }
}

static const RISCVCPUProfile *riscv_profile_by_name(const char *name)
{
    for (int i = 0; riscv_profiles[i]; i++) {
        if (!strcmp(riscv_profiles[i]->name, name)) {
            return riscv_profiles[i];
        }
    }
    return NULL;
}

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
        if (riscv_profile_by_name(name)) {
            strList *missing = NULL;

            riscv_profile_unavailable(riscv_profile_by_name(name), host,
                                      &missing);
            for (strList *m = missing; m; m = m->next) {
                if (!riscv_str_list_has(list, m->value)) {
                    QAPI_LIST_APPEND(tail, g_strdup(m->value));
                }
            }
            qapi_free_strList(missing);
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

/*
 * query-cpu-props-info
 *
 * Everything is read from QEMU itself: the values a property takes on a
 * model are those that an expansion of the model with the property set
 * accepts; implications come from the rule tables that finalization
 * applies; requirements are found by finalizing the bare CPU with the
 * property on and one of its companions off.
 */

/* A picture of @model with @props, one property overridden; or NULL. */
static RISCVCPUModel *riscv_cpu_model_with(const RISCVCPUModel *model,
                                           QDict *props, const char *name,
                                           QObject *value)
{
    g_autoptr(QDict) merged = props ? qdict_clone_shallow(props) : qdict_new();
    Error *err = NULL;
    RISCVCPUModel *m;

    qdict_put_obj(merged, name, value);
    m = riscv_cpu_model_build(model->name, QOBJECT(merged), &err);
    error_free(err);
    return m;
}

/* Does @model with @props accept @name = @value, and keep it? */
static bool riscv_prop_accepts(const RISCVCPUModel *model, QDict *props,
                               const char *name, QObject *value)
{
    g_autoptr(RISCVCPUModel) m = riscv_cpu_model_with(model, props, name,
                                                      qobject_ref(value));

    return m && qobject_is_equal(qdict_get(m->props, name), value);
}

static bool riscv_prop_is_extension(const RISCVPropInfo *info)
{
    return info->klass == RISCV_PROP_MISA ||
           info->klass == RISCV_PROP_EXTENSION ||
           info->klass == RISCV_PROP_EXPERIMENTAL ||
           info->klass == RISCV_PROP_VENDOR;
}

static void riscv_add_misa_names(strList ***tail, uint32_t misa)
{
    for (int i = 0; misa_bits[i]; i++) {
        if (misa & misa_bits[i]) {
            QAPI_LIST_APPEND(*tail,
                             g_strdup(riscv_get_misa_ext_name(misa_bits[i])));
        }
    }
}

static void riscv_add_offset_names(strList ***tail, const uint32_t *offsets)
{
    for (int i = 0; offsets[i] != RISCV_IMPLIED_EXTS_RULE_END; i++) {
        const char *name = riscv_ext_name_by_offset(offsets[i]);

        if (name) {
            QAPI_LIST_APPEND(*tail, g_strdup(name));
        }
    }
}

/* What setting @info to true turns on: the rules finalization applies. */
static strList *riscv_prop_implies(const RISCVPropInfo *info)
{
    strList *list = NULL, **tail = &list;

    if (info->klass == RISCV_PROP_PROFILE) {
        for (int i = 0; riscv_profiles[i]; i++) {
            const RISCVCPUProfile *p = riscv_profiles[i];

            if (strcmp(p->name, info->name)) {
                continue;
            }
            if (p->u_parent) {
                QAPI_LIST_APPEND(tail, g_strdup(p->u_parent->name));
            }
            if (p->s_parent) {
                QAPI_LIST_APPEND(tail, g_strdup(p->s_parent->name));
            }
            riscv_add_misa_names(&tail, p->misa_ext);
            for (int j = 0; p->ext_offsets[j] != RISCV_PROFILE_EXT_LIST_END;
                 j++) {
                const char *name = riscv_ext_name_by_offset(p->ext_offsets[j]);

                if (name) {
                    QAPI_LIST_APPEND(tail, g_strdup(name));
                }
            }
        }
        return list;
    }
    for (int i = 0; riscv_misa_ext_implied_rules[i]; i++) {
        const RISCVCPUImpliedExtsRule *r = riscv_misa_ext_implied_rules[i];

        if (info->klass == RISCV_PROP_MISA && r->ext == info->misa_bit) {
            riscv_add_misa_names(&tail, r->implied_misa_exts);
            riscv_add_offset_names(&tail, r->implied_multi_exts);
        }
    }
    for (int i = 0; riscv_multi_ext_implied_rules[i]; i++) {
        const RISCVCPUImpliedExtsRule *r = riscv_multi_ext_implied_rules[i];

        if (riscv_prop_is_extension(info) &&
            info->klass != RISCV_PROP_MISA && r->ext == info->cfg_offset) {
            riscv_add_misa_names(&tail, r->implied_misa_exts);
            riscv_add_offset_names(&tail, r->implied_multi_exts);
        }
    }
    return list;
}

/* Can @y be a requirement: a boolean extension or option? */
static bool riscv_prop_can_require(RISCVCPUModel *base,
                                   const RISCVPropInfo *y)
{
    return (riscv_prop_is_extension(y) || y->klass == RISCV_PROP_OPTION) &&
           qobject_type(qdict_get(base->props, y->name)) == QTYPE_QBOOL;
}

/* Does the bare CPU @base accept the extensions @on with @off off? */
static RISCVCPUModel *riscv_bare_with(RISCVCPUModel *base, GPtrArray *on,
                                      const char *off)
{
    g_autoptr(QDict) props = qdict_new();
    Error *err = NULL;
    RISCVCPUModel *m;

    for (guint i = 0; i < on->len; i++) {
        qdict_put_bool(props, g_ptr_array_index(on, i), true);
    }
    if (off) {
        qdict_put_bool(props, off, false);
    }
    m = riscv_cpu_model_build(base->name, QOBJECT(props), &err);
    error_free(err);
    if (m && !riscv_props_on(m->props, g_ptr_array_index(on, 0))) {
        riscv_cpu_model_free(m);
        m = NULL;
    }
    return m;
}

/*
 * The extensions @y turns on besides itself: alone on the bare CPU
 * @base (g), or else by its implication rules.
 */
static GPtrArray *riscv_brought_along(RISCVCPUModel *base, const char *y)
{
    GPtrArray *names = g_ptr_array_new();
    g_autoptr(GPtrArray) on = g_ptr_array_new();
    g_autoptr(RISCVCPUModel) m = NULL;

    g_ptr_array_add(on, (gpointer)y);
    m = riscv_bare_with(base, on, NULL);
    if (!m) {
        g_autoptr(strList) implies =
            riscv_prop_implies(riscv_cpu_prop_lookup(y));

        for (strList *l = implies; l; l = l->next) {
            g_ptr_array_add(names,
                            (gpointer)riscv_cpu_prop_lookup(l->value)->name);
        }
        return names;
    }
    for (const QDictEntry *e = qdict_first(m->props); e;
         e = qdict_next(m->props, e)) {
        const RISCVPropInfo *info = riscv_cpu_prop_lookup(e->key);

        if (strcmp(e->key, y) && riscv_prop_is_extension(info) &&
            riscv_props_on(m->props, e->key) &&
            !riscv_props_on(base->props, e->key)) {
            g_ptr_array_add(names, (gpointer)info->name);
        }
    }
    return names;
}

/*
 * Drop from @on (but never @on[0]) the first @n entries, n = 1 or 2, that
 * the bare CPU @base accepts @on[0] without.
 */
static bool riscv_drop_unneeded(RISCVCPUModel *base, GPtrArray *on, int n)
{
    for (guint i = 1; i < on->len; i++) {
        for (guint j = n == 1 ? i : i + 1; j < on->len; j++) {
            g_autoptr(GPtrArray) fewer = g_ptr_array_copy(on, NULL, NULL);
            g_autoptr(RISCVCPUModel) m = NULL;

            g_ptr_array_remove_index(fewer, j);
            if (j != i) {
                g_ptr_array_remove_index(fewer, i);
            }
            m = riscv_bare_with(base, fewer, NULL);
            if (m) {
                g_ptr_array_remove_index(on, j);
                if (j != i) {
                    g_ptr_array_remove_index(on, i);
                }
                return true;
            }
            if (n == 1) {
                break;
            }
        }
    }
    return false;
}

/* Replace in @on one extension by those it brings along, if that works. */
static bool riscv_unbundle_one(RISCVCPUModel *base, GPtrArray *on)
{
    for (guint i = 1; i < on->len; i++) {
        g_autoptr(GPtrArray) along = riscv_brought_along(base,
                                                         on->pdata[i]);
        g_autoptr(GPtrArray) unbundled = NULL;
        g_autoptr(RISCVCPUModel) m = NULL;

        if (!along->len) {
            continue;
        }
        unbundled = g_ptr_array_copy(on, NULL, NULL);
        g_ptr_array_remove_index(unbundled, i);
        for (guint j = 0; j < along->len; j++) {
            if (!g_ptr_array_find_with_equal_func(unbundled, along->pdata[j],
                                                  g_str_equal, NULL)) {
                g_ptr_array_add(unbundled, along->pdata[j]);
            }
        }
        m = riscv_bare_with(base, unbundled, NULL);
        if (m) {
            g_ptr_array_set_size(on, 0);
            g_ptr_array_extend(on, unbundled, NULL, NULL);
            return true;
        }
    }
    return false;
}

/*
 * When no single property makes @x accepted on @base: start from every
 * boolean that @capable has on, and drop what @x can do without, one at
 * a time.  What remains is needed jointly (zicfiss: zicsr and zimop).
 */
static void riscv_ext_requires_jointly(RISCVCPUModel *base,
                                       const RISCVCPUModel *capable,
                                       const char *x, strList ***tail)
{
    const GArray *cat = riscv_cpu_prop_catalogue();
    g_autoptr(GPtrArray) on = g_ptr_array_new();
    g_autoptr(RISCVCPUModel) m = NULL;

    g_ptr_array_add(on, (gpointer)x);
    for (guint i = 0; i < cat->len; i++) {
        const RISCVPropInfo *y = &g_array_index(cat, RISCVPropInfo, i);

        if (riscv_prop_can_require(base, y) && strcmp(y->name, x) &&
            riscv_props_on(capable->props, y->name) &&
            !riscv_props_on(base->props, y->name)) {
            g_ptr_array_add(on, (gpointer)y->name);
        }
    }
    m = riscv_bare_with(base, on, NULL);
    if (!m) {
        return;                 /* a conflict, not a requirement */
    }
    /*
     * Drop one at a time, then two (a pair such as zca and zcmop only
     * goes together), until nothing more can go; then replace a bundle
     * by what it brings along (g by a and zicsr) and drop again.
     */
    for (;;) {
        if (riscv_drop_unneeded(base, on, 1) ||
            riscv_drop_unneeded(base, on, 2)) {
            continue;
        }
        if (!riscv_unbundle_one(base, on)) {
            break;
        }
    }
    for (guint i = 0; i < cat->len; i++) {
        const char *y = g_array_index(cat, RISCVPropInfo, i).name;

        if (strcmp(y, x) &&
            g_ptr_array_find_with_equal_func(on, y, g_str_equal, NULL)) {
            QAPI_LIST_APPEND(*tail, g_strdup(y));
        }
    }
}

/*
 * The properties that must be on for @x to be on, found on the bare CPU
 * @base: those that @x brings along and cannot be turned off with it;
 * or, if @x alone is refused, the smallest single extensions that make
 * it accepted, or else the smallest set that does so jointly.
 * Conflicts are not requirements and are not reported.
 */
static strList *riscv_ext_requires(RISCVCPUModel *base,
                                   const RISCVCPUModel *capable,
                                   const char *x)
{
    const GArray *cat = riscv_cpu_prop_catalogue();
    g_autoptr(GPtrArray) on = g_ptr_array_new();
    g_autoptr(RISCVCPUModel) with_x = NULL;
    g_autoptr(GPtrArray) fixers = g_ptr_array_new();
    strList *list = NULL, **tail = &list;

    if (riscv_props_on(base->props, x)) {
        return NULL;
    }
    g_ptr_array_add(on, (gpointer)x);
    with_x = riscv_bare_with(base, on, NULL);

    for (guint i = 0; i < cat->len; i++) {
        const RISCVPropInfo *y = &g_array_index(cat, RISCVPropInfo, i);
        g_autoptr(RISCVCPUModel) m = NULL;

        if (!riscv_prop_can_require(base, y) || !strcmp(y->name, x) ||
            riscv_props_on(base->props, y->name)) {
            continue;
        }
        if (with_x) {
            /* brought along by x: can x stay on without it? */
            if (riscv_props_on(with_x->props, y->name)) {
                m = riscv_bare_with(base, on, y->name);
                if (!m) {
                    QAPI_LIST_APPEND(tail, g_strdup(y->name));
                }
            }
            continue;
        }
        g_ptr_array_add(on, (gpointer)y->name);
        m = riscv_bare_with(base, on, NULL);
        g_ptr_array_remove_index(on, on->len - 1);
        if (m) {
            g_ptr_array_add(fixers, (gpointer)y->name);
        }
    }
    /* of the single fixes, keep those that no other fix brings along */
    for (guint i = 0; i < fixers->len; i++) {
        const char *f = g_ptr_array_index(fixers, i);
        bool minimal = true;

        for (guint j = 0; j < fixers->len && minimal; j++) {
            const char *g = g_ptr_array_index(fixers, j);
            g_autoptr(GPtrArray) just_f = g_ptr_array_new();
            g_autoptr(RISCVCPUModel) m = NULL;

            if (i == j) {
                continue;
            }
            g_ptr_array_add(just_f, (gpointer)f);
            m = riscv_bare_with(base, just_f, NULL);
            minimal = !(m && riscv_props_on(m->props, g));
        }
        if (minimal) {
            QAPI_LIST_APPEND(tail, g_strdup(f));
        }
    }
    if (!with_x && !fixers->len && capable) {
        riscv_ext_requires_jointly(base, capable, x, &tail);
    }
    return list;
}

/* Requirements per bare base, computed once the machine is ready. */
static GHashTable *riscv_requires_memo;

static strList *riscv_prop_requires(const char *base_name,
                                    const RISCVCPUModel *capable,
                                    const RISCVPropInfo *info)
{
    GHashTable *table;
    g_autoptr(RISCVCPUModel) base = NULL;
    strList *found;
    Error *err = NULL;

    if (!base_name || !riscv_prop_is_extension(info)) {
        return NULL;
    }
    if (!riscv_requires_memo) {
        riscv_requires_memo = g_hash_table_new_full(
            g_str_hash, g_str_equal, g_free,
            (GDestroyNotify)g_hash_table_unref);
    }
    table = g_hash_table_lookup(riscv_requires_memo, base_name);
    if (table && g_hash_table_contains(table, info->name)) {
        return QAPI_CLONE(strList, g_hash_table_lookup(table, info->name));
    }
    base = riscv_cpu_model_new(base_name, NULL, &err);
    if (!base) {
        error_free(err);
        return NULL;
    }
    found = riscv_ext_requires(base, capable, info->name);
    if (phase_check(PHASE_MACHINE_READY)) {
        if (!table) {
            table = g_hash_table_new_full(g_str_hash, g_str_equal, NULL,
                                          (GDestroyNotify)qapi_free_strList);
            g_hash_table_insert(riscv_requires_memo, g_strdup(base_name),
                                table);
        }
        g_hash_table_insert(table, (gpointer)info->name,
                            QAPI_CLONE(strList, found));
    }
    return found;
}

static CpuPropertyCategory riscv_prop_category(const RISCVPropInfo *info)
{
    switch (info->klass) {
    case RISCV_PROP_PROFILE:
        return CPU_PROPERTY_CATEGORY_PROFILE;
    case RISCV_PROP_MISA:
        return CPU_PROPERTY_CATEGORY_MISA_LETTER;
    case RISCV_PROP_EXTENSION:
        return CPU_PROPERTY_CATEGORY_RATIFIED;
    case RISCV_PROP_EXPERIMENTAL:
        return CPU_PROPERTY_CATEGORY_EXPERIMENTAL;
    case RISCV_PROP_VENDOR:
        return CPU_PROPERTY_CATEGORY_VENDOR;
    case RISCV_PROP_NAMED_FEATURE:
        return CPU_PROPERTY_CATEGORY_NAMED_FEATURE;
    default:
        return CPU_PROPERTY_CATEGORY_OPTION;
    }
}

static char *riscv_prop_description(const RISCVPropInfo *info)
{
    switch (info->klass) {
    case RISCV_PROP_PROFILE:
        return g_strdup_printf("ISA profile %s", info->name);
    case RISCV_PROP_MISA:
        return g_strdup(riscv_get_misa_ext_description(info->misa_bit));
    case RISCV_PROP_EXTENSION:
        return g_strdup_printf("Ratified ISA extension %s", info->name);
    case RISCV_PROP_EXPERIMENTAL:
        return g_strdup_printf("Experimental ISA extension %s",
                               info->name + 2);
    case RISCV_PROP_VENDOR:
        return g_strdup_printf("Vendor ISA extension %s", info->name);
    case RISCV_PROP_NAMED_FEATURE:
        return g_strdup_printf("Named feature %s, derived from the "
                               "configuration", info->name);
    case RISCV_PROP_SATP:
        return g_strdup_printf("Virtual memory mode %s", info->name);
    default:
        return g_strdup(info->description);
    }
}

/* The largest value of a QOM integer property type; 0 if not one. */
static uint64_t riscv_qom_uint_max(const char *type)
{
    static const struct {
        const char *type;
        uint64_t max;
    } types[] = {
        { "uint8", UINT8_MAX }, { "uint16", UINT16_MAX },
        { "uint32", UINT32_MAX }, { "uint64", UINT64_MAX },
    };

    for (int i = 0; i < ARRAY_SIZE(types); i++) {
        if (!strcmp(type, types[i].type)) {
            return types[i].max;
        }
    }
    return 0;
}

static bool riscv_accepts_uint(const RISCVCPUModel *model, QDict *props,
                               const char *name, uint64_t value)
{
    g_autoptr(QNum) num = qnum_from_uint(value);

    return riscv_prop_accepts(model, props, name, QOBJECT(num));
}

static CpuPropertyRange *riscv_prop_range(const RISCVCPUModel *model,
                                          QDict *props,
                                          const RISCVPropInfo *info,
                                          uint64_t type_max, uint64_t dflt)
{
    CpuPropertyRange *range = g_new0(CpuPropertyRange, 1);

    if (!strcmp(info->name, "vlen") || !strcmp(info->name, "elen")) {
        range->constraint = CPU_PROPERTY_CONSTRAINT_POWER_OF_TWO;
        range->min = range->max = dflt;
        for (uint64_t v = 1; v <= type_max; v <<= 1) {
            if (riscv_accepts_uint(model, props, info->name, v)) {
                range->min = MIN(range->min, v);
                range->max = MAX(range->max, v);
            }
        }
        return range;
    }
    range->constraint = info->cmp == RISCV_CMP_MASK ?
                        CPU_PROPERTY_CONSTRAINT_BIT_MASK :
                        CPU_PROPERTY_CONSTRAINT_ANY;
    range->min = riscv_accepts_uint(model, props, info->name, 0) ? 0 : dflt;
    range->max = dflt;
    if (info->cmp == RISCV_CMP_MASK) {
        /* the counters are bits 3 and up */
        uint64_t all = type_max & ~(uint64_t)7;

        if (riscv_accepts_uint(model, props, info->name, all)) {
            range->max = all;
        }
    } else if (riscv_accepts_uint(model, props, info->name, type_max)) {
        range->max = type_max;
    }
    if (range->min > range->max) {
        range->min = range->max;
    }
    return range;
}

static strList *riscv_spec_values(const RISCVPropInfo *info)
{
    strList *list = NULL, **tail = &list;

    if (!strcmp(info->name, "priv_spec")) {
        for (int v = PRIV_VERSION_1_10_0; v <= PRIV_VERSION_LATEST; v++) {
            QAPI_LIST_APPEND(tail, g_strdup(priv_spec_to_str(v)));
        }
    } else {
        QAPI_LIST_APPEND(tail, g_strdup(VEXT_VER_1_00_0_STR));
    }
    return list;
}

/* The model that has every feature the accelerator can provide. */
static RISCVCPUModel *riscv_cpu_most_capable(const RISCVCPUModel *model)
{
    const char *name = model->mxl == MXL_RV32 ? "max32" : "max";
    Error *err = NULL;
    RISCVCPUModel *m;

    if (kvm_enabled()) {
        name = "host";
    }
    m = riscv_cpu_model_new(name, NULL, &err);
    error_free(err);
    return m;
}

static CpuPropertyInfo *riscv_prop_describe(const RISCVCPUModel *model,
                                            QDict *props, bool has_default,
                                            const RISCVCPUModel *capable,
                                            const char *bare,
                                            const RISCVPropInfo *info)
{
    CpuPropertyInfo *e = g_new0(CpuPropertyInfo, 1);
    QObject *dflt = qdict_get(model->props, info->name);
    Object *obj = object_new(object_class_get_name(model->oc));
    ObjectProperty *prop = object_property_find(obj, info->name);

    e->name = g_strdup(info->name);
    e->category = riscv_prop_category(info);
    e->description = riscv_prop_description(info);
    e->available = true;
    e->implies = riscv_prop_implies(info);
    e->requires = riscv_prop_requires(bare, capable, info);

    switch (qobject_type(dflt)) {
    case QTYPE_QBOOL: {
        bool d = qbool_get_bool(qobject_to(QBool, dflt));
        boolList **tail = &e->u.boolean.values;

        e->type = CPU_PROPERTY_TYPE_BOOLEAN;
        e->u.boolean.has_q_default = has_default;
        e->u.boolean.q_default = d;
        for (int v = 0; v <= 1; v++) {
            g_autoptr(QBool) b = qbool_from_bool(v);

            if (v == d || (!riscv_prop_is_derived(info) &&
                           riscv_prop_accepts(model, props, info->name,
                                              QOBJECT(b)))) {
                QAPI_LIST_APPEND(tail, (bool)v);
                e->changeable |= v != d;
            }
        }
        if (capable && (riscv_prop_is_extension(info) ||
                        info->klass == RISCV_PROP_NAMED_FEATURE)) {
            e->available = riscv_props_on(capable->props, info->name) ||
                           (info->klass != RISCV_PROP_NAMED_FEATURE &&
                            !kvm_enabled());
        }
        break;
    }
    case QTYPE_QSTRING: {
        const char *d = qstring_get_str(qobject_to(QString, dflt));
        g_autoptr(strList) candidates = riscv_spec_values(info);
        strList **tail = &e->u.string.values;

        e->type = CPU_PROPERTY_TYPE_STRING;
        e->u.string.q_default = has_default ? g_strdup(d) : NULL;
        for (strList *c = candidates; c; c = c->next) {
            g_autoptr(QString) str = qstring_from_str(c->value);

            if (!strcmp(c->value, d) ||
                riscv_prop_accepts(model, props, info->name, QOBJECT(str))) {
                QAPI_LIST_APPEND(tail, g_strdup(c->value));
                e->changeable |= strcmp(c->value, d) != 0;
            }
        }
        break;
    }
    default: {
        uint64_t d = qnum_get_uint(qobject_to(QNum, dflt));

        e->type = CPU_PROPERTY_TYPE_NUMBER;
        e->u.number.has_q_default = has_default;
        e->u.number.q_default = d;
        e->u.number.range = riscv_prop_range(model, props, info,
                                             riscv_qom_uint_max(prop->type),
                                             d);
        e->changeable = e->u.number.range->min != e->u.number.range->max;
        break;
    }
    }
    object_unref(obj);
    return e;
}

CpuPropertyInfoList *qmp_query_cpu_props_info(CpuModelInfo *info,
                                              Error **errp)
{
    const GArray *cat = riscv_cpu_prop_catalogue();
    g_autoptr(RISCVCPUModel) model = NULL;
    g_autoptr(RISCVCPUModel) capable = NULL;
    CpuPropertyInfoList *list = NULL, **tail = &list;
    QDict *props = NULL;
    const char *bare;

    if (info && info->props && qobject_type(info->props) != QTYPE_QDICT) {
        error_setg(errp, "Invalid parameter type for 'model.props', "
                   "expected: object");
        return NULL;
    }
    /* without a model: the properties of the most capable 64-bit CPU */
    model = riscv_cpu_model_new(info ? info->name : "max",
                                info ? info->props : NULL, errp);
    if (!model) {
        return NULL;
    }
    props = info ? qobject_to(QDict, info->props) : NULL;
    capable = riscv_cpu_most_capable(model);
    bare = riscv_cpu_static_base(model, NULL) ? (model->mxl == MXL_RV32 ?
           (model->rve ? "rv32e" : "rv32i") :
           (model->rve ? "rv64e" : "rv64i")) : NULL;

    for (guint i = 0; i < cat->len; i++) {
        const RISCVPropInfo *p = &g_array_index(cat, RISCVPropInfo, i);

        if (qdict_haskey(model->props, p->name)) {
            QAPI_LIST_APPEND(tail, riscv_prop_describe(model, props, !!info,
                                                       capable, bare, p));
        }
    }
    return list;
}
