using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kasse.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class TableOrdering : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "GuestCalledAt",
                table: "DiningTables",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "OrderingClosed",
                table: "DiningTables",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "OrderingToken",
                table: "DiningTables",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "GuestOrderingSettings",
                columns: table => new
                {
                    StoreId = table.Column<Guid>(type: "uuid", nullable: false),
                    Closed = table.Column<bool>(type: "boolean", nullable: false),
                    StaffConfirms = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuestOrderingSettings", x => x.StoreId);
                    table.ForeignKey(
                        name: "FK_GuestOrderingSettings_Stores_StoreId",
                        column: x => x.StoreId,
                        principalTable: "Stores",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GuestOrders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StoreId = table.Column<Guid>(type: "uuid", nullable: false),
                    TableId = table.Column<Guid>(type: "uuid", nullable: false),
                    SaleId = table.Column<Guid>(type: "uuid", nullable: false),
                    Device = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LineIds = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PlacedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuestOrders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GuestOrders_DiningTables_TableId",
                        column: x => x.TableId,
                        principalTable: "DiningTables",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GuestOrders_Stores_StoreId",
                        column: x => x.StoreId,
                        principalTable: "Stores",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DiningTables_OrderingToken",
                table: "DiningTables",
                column: "OrderingToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GuestOrders_SaleId",
                table: "GuestOrders",
                column: "SaleId");

            migrationBuilder.CreateIndex(
                name: "IX_GuestOrders_StoreId_Status",
                table: "GuestOrders",
                columns: new[] { "StoreId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_GuestOrders_TableId",
                table: "GuestOrders",
                column: "TableId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GuestOrderingSettings");

            migrationBuilder.DropTable(
                name: "GuestOrders");

            migrationBuilder.DropIndex(
                name: "IX_DiningTables_OrderingToken",
                table: "DiningTables");

            migrationBuilder.DropColumn(
                name: "GuestCalledAt",
                table: "DiningTables");

            migrationBuilder.DropColumn(
                name: "OrderingClosed",
                table: "DiningTables");

            migrationBuilder.DropColumn(
                name: "OrderingToken",
                table: "DiningTables");
        }
    }
}
