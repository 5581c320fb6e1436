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
            // rowid), kept in step by triggers so every writer (API, importer, anything else) keeps it right.
            // A later migration that rebuilds Products (EF's table rebuild) drops these triggers and renumbers rowids:
            // it must create them again and run INSERT INTO "ProductSearch"("ProductSearch") VALUES ('rebuild').
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "ProductSearch" USING fts5("SearchText", content='Products', content_rowid='rowid', tokenize='trigram');
                """);
            migrationBuilder.Sql("""INSERT INTO "ProductSearch"("ProductSearch") VALUES ('rebuild');""");
            migrationBuilder.Sql("""
                CREATE TRIGGER "Products_search_insert" AFTER INSERT ON "Products" BEGIN
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
            // One- and two-letter searches match the start of the name, as a range on this index.
            migrationBuilder.Sql("""CREATE INDEX "IX_Products_SearchText" ON "Products" ("SearchText");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_Products_SearchText";""");
            migrationBuilder.Sql("""DROP TRIGGER "Products_search_update";""");
            migrationBuilder.Sql("""DROP TRIGGER "Products_search_delete";""");
            migrationBuilder.Sql("""DROP TRIGGER "Products_search_insert";""");
            migrationBuilder.Sql("""DROP TABLE "ProductSearch";""");
        }
    }
}
