using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kasse.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Name search: pg_trgm (a trusted extension, so the database's owner may create it) answers LIKE '%…%'
            // through a GIN index; text_pattern_ops answers LIKE '…%' (one- and two-letter searches) in any collation.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("""CREATE INDEX "IX_Products_SearchText_trgm" ON "Products" USING gin ("SearchText" gin_trgm_ops);""");
            migrationBuilder.Sql("""CREATE INDEX "IX_Products_SearchText_prefix" ON "Products" ("SearchText" text_pattern_ops);""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_Products_SearchText_prefix";""");
            migrationBuilder.Sql("""DROP INDEX "IX_Products_SearchText_trgm";""");
        }
    }
}
