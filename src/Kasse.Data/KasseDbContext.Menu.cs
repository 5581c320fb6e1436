using Kasse.Domain.Menu;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Data;

public sealed partial class KasseDbContext
{
    public DbSet<ModifierGroup> ModifierGroups => Set<ModifierGroup>();
    public DbSet<ModifierOption> ModifierOptions => Set<ModifierOption>();
    public DbSet<ProductModifierGroup> ProductModifierGroups => Set<ProductModifierGroup>();
}
