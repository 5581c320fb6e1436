using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kasse.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SignedCashMovements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CashMovements_RegisterId",
                table: "CashMovements");

            migrationBuilder.AddColumn<string>(
                name: "KeyVersion",
                table: "CashMovements",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NorwegianSignature",
                table: "CashMovements",
                type: "TEXT",
                maxLength: 999,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Signature",
                table: "CashMovements",
                type: "TEXT",
                maxLength: 999,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "TransactionNumber",
                table: "CashMovements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_CashMovements_RegisterId_TransactionNumber",
                table: "CashMovements",
                columns: new[] { "RegisterId", "TransactionNumber" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CashMovements_RegisterId_TransactionNumber",
                table: "CashMovements");

            migrationBuilder.DropColumn(
                name: "KeyVersion",
                table: "CashMovements");

            migrationBuilder.DropColumn(
                name: "NorwegianSignature",
                table: "CashMovements");

            migrationBuilder.DropColumn(
                name: "Signature",
                table: "CashMovements");

            migrationBuilder.DropColumn(
                name: "TransactionNumber",
                table: "CashMovements");

            migrationBuilder.CreateIndex(
                name: "IX_CashMovements_RegisterId",
                table: "CashMovements",
                column: "RegisterId");
        }
    }
}
