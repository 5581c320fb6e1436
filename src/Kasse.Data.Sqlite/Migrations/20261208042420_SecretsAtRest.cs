using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kasse.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SecretsAtRest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Room for the encrypted secrets. The values saved in clear before are encrypted right after this migration
            // (DatabaseSetup.ProtectSecretsAsync): a migration's SQL cannot reach the key ring, which is not in the database.

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
