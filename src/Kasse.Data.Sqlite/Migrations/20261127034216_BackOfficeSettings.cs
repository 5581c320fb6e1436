using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kasse.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BackOfficeSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Stores",
                type: "TEXT",
                maxLength: 2,
                nullable: false,
                defaultValue: "da");

            migrationBuilder.AddColumn<string>(
                name: "ReceiptFooter",
                table: "Stores",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReceiptHeader",
                table: "Stores",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Employees",
                type: "TEXT",
                maxLength: 2,
                nullable: false,
                defaultValue: "da");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Language",
                table: "Stores");

            migrationBuilder.DropColumn(
                name: "ReceiptFooter",
                table: "Stores");

            migrationBuilder.DropColumn(
                name: "ReceiptHeader",
                table: "Stores");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "Employees");
        }
    }
}
