using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kasse.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Reports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SalesSummaries",
                columns: table => new
                {
                    StoreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BusinessDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Dimension = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Receipts = table.Column<long>(type: "INTEGER", nullable: false),
                    Returns = table.Column<long>(type: "INTEGER", nullable: false),
                    ItemsSold = table.Column<long>(type: "INTEGER", nullable: false),
                    ItemsReturned = table.Column<long>(type: "INTEGER", nullable: false),
                    Gross = table.Column<long>(type: "INTEGER", nullable: false),
                    Net = table.Column<long>(type: "INTEGER", nullable: false),
                    Vat = table.Column<long>(type: "INTEGER", nullable: false),
                    Discounts = table.Column<long>(type: "INTEGER", nullable: false),
                    Refunded = table.Column<long>(type: "INTEGER", nullable: false),
                    CashRounding = table.Column<long>(type: "INTEGER", nullable: false),
                    Cost = table.Column<long>(type: "INTEGER", nullable: false),
                    CostedNet = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SalesSummaries", x => new { x.StoreId, x.Dimension, x.BusinessDay, x.Key });
                    table.ForeignKey(
                        name: "FK_SalesSummaries_Stores_StoreId",
                        column: x => x.StoreId,
                        principalTable: "Stores",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SalesSummaries_Dimension_BusinessDay",
                table: "SalesSummaries",
                columns: new[] { "Dimension", "BusinessDay" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SalesSummaries");
        }
    }
}
