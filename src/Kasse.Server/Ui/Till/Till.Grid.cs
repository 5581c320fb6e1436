using Kasse.Application.Catalog;

namespace Kasse.Server.Ui.Till;

/// <summary>The till's Favourites tab: the manager's chosen products, the first tab (and the one the till opens on) when there are any.</summary>
public sealed partial class Till
{
    private bool _hasFavourites;
    private bool _favouritesOn;

    private async Task OpenOnFavouritesAsync()
    {
        var favourites = await LoadFavouritesAsync();
        _hasFavourites = favourites.Count > 0;
        _favouritesOn = _hasFavourites && _categoryId is null;
    }

    private Task<IReadOnlyList<ProductView>> LoadFavouritesAsync() =>
        Backend.Call<FavouriteService, IReadOnlyList<ProductView>>(f => f.ListAsync(activeOnly: true, CancellationToken.None));

    private async Task ChooseFavouritesAsync()
    {
        _favouritesOn = true;
        _categoryId = null;
        _query = "";
        await LoadProductsAsync();
    }
}
