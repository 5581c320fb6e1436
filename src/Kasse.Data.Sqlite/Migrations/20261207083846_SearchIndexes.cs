using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kasse.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Name search through trigrams: an FTS5 index over Products.SearchText (external content, keyed by the
            // rowid), kept in step by triggers so every writer keeps it right. SearchText is already folded to lower
            // case, so the index is case-sensitive (GLOB uses it); detail=none keeps it small and quick to build, and
            // each candidate is checked against the text itself.
            // A later migration that rebuilds Products (EF's table rebuild) drops these triggers and renumbers rowids:
            // it must create them again and run INSERT INTO "ProductSearch"("ProductSearch") VALUES ('rebuild').
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "ProductSearch" USING fts5("SearchText", content='Products', content_rowid='rowid',
                  tokenize='trigram case_sensitive 1', detail=none);
                """);
            migrationBuilder.Sql("""INSERT INTO "ProductSearch"("ProductSearch") VALUES ('rebuild');""");
            // While a row is here (only ever inside the importer's own transaction), new products are indexed by the
            // importer in one statement at the end instead of row by row: a trigger on every insert costs ~5 times the import.
            migrationBuilder.Sql("""CREATE TABLE "ProductSearchDeferred" ("FromRowid" INTEGER NOT NULL);""");
            migrationBuilder.Sql("""
                CREATE TRIGGER "Products_search_insert" AFTER INSERT ON "Products"
                WHEN NOT EXISTS (SELECT 1 FROM "ProductSearchDeferred") BEGIN
                  INSERT INTO "ProductSearch"(rowid, "SearchText") VALUES (new.rowid, new."SearchText");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Products_search_delete" AFTER DELETE ON "Products" BEGIN
                  INSERT INTO "ProductSearch"("ProductSearch", rowid, "SearchText") VALUES ('delete', old.rowid, old."SearchText");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Products_search_update" AFTER UPDATE OF "SearchText" ON "Products" BEGIN
                  INSERT INTO "ProductSearch"("ProductSearch", rowid, "SearchText") VALUES ('delete', old.rowid, old."SearchText");
                  INSERT INTO "ProductSearch"(rowid, "SearchText") VALUES (new.rowid, new."SearchText");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "Products_search_update";""");
            migrationBuilder.Sql("""DROP TRIGGER "Products_search_delete";""");
            migrationBuilder.Sql("""DROP TRIGGER "Products_search_insert";""");
            migrationBuilder.Sql("""DROP TABLE "ProductSearchDeferred";""");
            migrationBuilder.Sql("""DROP TABLE "ProductSearch";""");
        }
    }
}
