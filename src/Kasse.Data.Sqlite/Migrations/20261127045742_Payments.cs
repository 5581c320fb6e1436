using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kasse.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Payments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AuthorisationCode",
                table: "Payments",
                type: "TEXT",
                maxLength: 12,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CardLastFour",
                table: "Payments",
                type: "TEXT",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CardScheme",
                table: "Payments",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PaymentDeviceSettings",
                columns: table => new
                {
                    RegisterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CardTerminalUrl = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CardTerminalPoiId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    MobilePayUrl = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    MobilePayMerchantSerialNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    TimeoutSeconds = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentDeviceSettings", x => x.RegisterId);
                    table.ForeignKey(
                        name: "FK_PaymentDeviceSettings_Registers_RegisterId",
                        column: x => x.RegisterId,
                        principalTable: "Registers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TerminalPayments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SaleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StoreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegisterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RequestedAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    ServiceId = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    SaleReference = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ApprovedAmount = table.Column<long>(type: "INTEGER", nullable: true),
                    DeviceReference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CardScheme = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CardLastFour = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    AuthorisationCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CancelRequested = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TerminalPayments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TerminalPayments_Registers_RegisterId",
                        column: x => x.RegisterId,
                        principalTable: "Registers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TerminalPayments_Sales_SaleId",
                        column: x => x.SaleId,
                        principalTable: "Sales",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TerminalPayments_RegisterId_ServiceId",
                table: "TerminalPayments",
                columns: new[] { "RegisterId", "ServiceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TerminalPayments_SaleId_State",
                table: "TerminalPayments",
                columns: new[] { "SaleId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_TerminalPayments_State",
                table: "TerminalPayments",
                column: "State");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PaymentDeviceSettings");

            migrationBuilder.DropTable(
                name: "TerminalPayments");

            migrationBuilder.DropColumn(
                name: "AuthorisationCode",
                table: "Payments");

            migrationBuilder.DropColumn(
                name: "CardLastFour",
                table: "Payments");

            migrationBuilder.DropColumn(
                name: "CardScheme",
                table: "Payments");
        }
    }
}
