using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kasse.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Tips : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ApprovedTip",
                table: "TerminalPayments",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "AskForTip",
                table: "TerminalPayments",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "RequestedTip",
                table: "TerminalPayments",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "OrderTypeVatRules",
                table: "Stores",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "OrderType",
                table: "Sales",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Tip",
                table: "Payments",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "OrderType",
                table: "KitchenTickets",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ApprovedTip",
                table: "TerminalPayments");

            migrationBuilder.DropColumn(
                name: "AskForTip",
                table: "TerminalPayments");

            migrationBuilder.DropColumn(
                name: "RequestedTip",
                table: "TerminalPayments");

            migrationBuilder.DropColumn(
                name: "OrderTypeVatRules",
                table: "Stores");

            migrationBuilder.DropColumn(
                name: "OrderType",
                table: "Sales");

            migrationBuilder.DropColumn(
                name: "Tip",
                table: "Payments");

            migrationBuilder.DropColumn(
                name: "OrderType",
                table: "KitchenTickets");
        }
    }
}
