/*
 * query-cpu-props-info on a target that does not describe its CPU
 * properties: a clear error, no abort.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qapi/qapi-commands-machine.h"

static void test_stub_error(void)
{
    CpuModelInfo model = { .name = (char *)"any" };
    Error *err = NULL;

    g_assert_null(qmp_query_cpu_props_info(NULL, &err));
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "query-cpu-props-info is not supported on this target");
    error_free(err);
    err = NULL;

    g_assert_null(qmp_query_cpu_props_info(&model, &err));
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "query-cpu-props-info is not supported on this target");
    error_free(err);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/cpu-props-info/stub-error", test_stub_error);
    return g_test_run();
}
