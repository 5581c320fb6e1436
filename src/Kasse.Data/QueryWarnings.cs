using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kasse.Data;

public static class QueryWarnings
{
    /// <summary>
    /// A capped count (<c>query.Take(1001).Count()</c>) needs no order, and ordering it would cost a sort of every match;
    /// EF warns about any Take without OrderBy, so that warning is off.
    /// </summary>
    public static DbContextOptionsBuilder IgnoreCountingWarning(this DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(w => w.Ignore(CoreEventId.RowLimitingOperationWithoutOrderByWarning));
}
