using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kasse.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SignedReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AnchorHash",
                table: "RegisterReports",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Coverage",
                table: "RegisterReports",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "KeyVersion",
                table: "RegisterReports",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Signature",
                table: "RegisterReports",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AnchorHash",
                table: "RegisterReports");

            migrationBuilder.DropColumn(
                name: "Coverage",
                table: "RegisterReports");

            migrationBuilder.DropColumn(
                name: "KeyVersion",
                table: "RegisterReports");

            migrationBuilder.DropColumn(
                name: "Signature",
                table: "RegisterReports");
        }
    }
}
