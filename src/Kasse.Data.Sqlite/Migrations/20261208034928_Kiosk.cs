using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kasse.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Kiosk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "OrderNumber",
                table: "Sales",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Registers",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Till");

            migrationBuilder.AddColumn<int>(
                name: "OrderNumber",
                table: "KitchenTickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "KioskDevices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StoreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegisterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PairingCodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PairingExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PairedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KioskDevices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KioskDevices_Registers_RegisterId",
                        column: x => x.RegisterId,
                        principalTable: "Registers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_KitchenTickets_StoreId_OrderNumber_SentAt",
                table: "KitchenTickets",
                columns: new[] { "StoreId", "OrderNumber", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_KioskDevices_PairingCodeHash",
                table: "KioskDevices",
                column: "PairingCodeHash");

            migrationBuilder.CreateIndex(
                name: "IX_KioskDevices_RegisterId",
                table: "KioskDevices",
                column: "RegisterId");

            migrationBuilder.CreateIndex(
                name: "IX_KioskDevices_TokenHash",
                table: "KioskDevices",
                column: "TokenHash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "KioskDevices");

            migrationBuilder.DropIndex(
                name: "IX_KitchenTickets_StoreId_OrderNumber_SentAt",
                table: "KitchenTickets");

            migrationBuilder.DropColumn(
                name: "OrderNumber",
                table: "Sales");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Registers");

            migrationBuilder.DropColumn(
                name: "OrderNumber",
                table: "KitchenTickets");
        }
    }
}
