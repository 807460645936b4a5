/*
 * query-cpu-props-info for targets that do not describe their CPU
 * properties
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qapi/qapi-commands-machine.h"

CpuPropertyInfoList *qmp_query_cpu_props_info(CpuModelInfo *model,
                                              Error **errp)
{
    error_setg(errp, "query-cpu-props-info is not supported on this target");
    return NULL;
}
