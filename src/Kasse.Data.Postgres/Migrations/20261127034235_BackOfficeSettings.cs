using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kasse.Data.Postgres.Migrations
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
                type: "character varying(2)",
                maxLength: 2,
                nullable: false,
                defaultValue: "da");

            migrationBuilder.AddColumn<string>(
                name: "ReceiptFooter",
                table: "Stores",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReceiptHeader",
                table: "Stores",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Employees",
                type: "character varying(2)",
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
