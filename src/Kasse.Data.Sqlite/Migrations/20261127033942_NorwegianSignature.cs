using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kasse.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NorwegianSignature : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NorwegianSignature",
                table: "Sales",
                type: "TEXT",
                maxLength: 999,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastNorwegianSignature",
                table: "Registers",
                type: "TEXT",
                maxLength: 999,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NorwegianSignature",
                table: "Sales");

            migrationBuilder.DropColumn(
                name: "LastNorwegianSignature",
                table: "Registers");
        }
    }
}
