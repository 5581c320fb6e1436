using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kasse.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SplitBill : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Seat",
                table: "SaleLines",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Share",
                table: "SaleLines",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Seat",
                table: "SaleLines");

            migrationBuilder.DropColumn(
                name: "Share",
                table: "SaleLines");
        }
    }
}
