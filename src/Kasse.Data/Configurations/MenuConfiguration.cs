using System.Text.Json;
using Kasse.Domain.Catalog;
using Kasse.Domain.Menu;
using Kasse.Domain.Sales;
using Kasse.Domain.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kasse.Data.Configurations;

internal sealed class ModifierGroupConfiguration : IEntityTypeConfiguration<ModifierGroup>
{
    public void Configure(EntityTypeBuilder<ModifierGroup> builder)
    {
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Property(g => g.Name).HasMaxLength(ModifierGroup.MaxNameLength);
        builder.Ignore(g => g.IsRequired);
        builder.HasOne<Store>().WithMany().HasForeignKey(g => g.StoreId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(g => g.Options).WithOne().HasForeignKey(o => o.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(g => g.Options).AutoInclude();
        builder.HasIndex(g => g.StoreId);
    }
}

internal sealed class ModifierOptionConfiguration : IEntityTypeConfiguration<ModifierOption>
{
    public void Configure(EntityTypeBuilder<ModifierOption> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Name).HasMaxLength(ModifierOption.MaxNameLength);
        builder.Property(o => o.PriceDelta).IsMoney();
        builder.Property(o => o.IngredientQuantity).HasConversion(v => v == null ? (long?)null : decimal.ToInt64(v.Value * 1000m),
            v => v == null ? null : v.Value / 1000m);
        builder.Ignore(o => o.RecipeChange);
    }
}

internal sealed class ProductModifierGroupConfiguration : IEntityTypeConfiguration<ProductModifierGroup>
{
    public void Configure(EntityTypeBuilder<ProductModifierGroup> builder)
    {
        builder.HasKey(l => new { l.ProductId, l.GroupId });
        builder.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ModifierGroup>().WithMany().HasForeignKey(l => l.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => l.GroupId);
    }
}

/// <summary>A line's modifiers as one JSON text column: they are read and written with the line, never queried alone.</summary>
public static class LineModifierJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(IReadOnlyList<LineModifier> modifiers) =>
        modifiers.Count == 0 ? "" : JsonSerializer.Serialize(modifiers, Options);

    public static IReadOnlyList<LineModifier> Read(string json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<LineModifier>>(json, Options) ?? [];
}
