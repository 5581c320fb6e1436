using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kasse.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Kitchen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Course",
                table: "SaleLines",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "KitchenStations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StoreId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    WarnAfterMinutes = table.Column<int>(type: "integer", nullable: false),
                    LateAfterMinutes = table.Column<int>(type: "integer", nullable: false),
                    DeletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KitchenStations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KitchenStations_Stores_StoreId",
                        column: x => x.StoreId,
                        principalTable: "Stores",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "KitchenRoutes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StoreId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProductId = table.Column<Guid>(type: "uuid", nullable: true),
                    CategoryId = table.Column<Guid>(type: "uuid", nullable: true),
                    StationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Course = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KitchenRoutes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KitchenRoutes_KitchenStations_StationId",
                        column: x => x.StationId,
                        principalTable: "KitchenStations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_KitchenRoutes_Stores_StoreId",
                        column: x => x.StoreId,
                        principalTable: "Stores",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "KitchenTickets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StoreId = table.Column<Guid>(type: "uuid", nullable: false),
                    StationId = table.Column<Guid>(type: "uuid", nullable: false),
                    StationName = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SaleId = table.Column<Guid>(type: "uuid", nullable: false),
                    SendId = table.Column<Guid>(type: "uuid", nullable: false),
                    Course = table.Column<int>(type: "integer", nullable: false),
                    TableName = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    TabName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Covers = table.Column<int>(type: "integer", nullable: true),
                    WaiterName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    BumpedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KitchenTickets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KitchenTickets_KitchenStations_StationId",
                        column: x => x.StationId,
                        principalTable: "KitchenStations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "KitchenTicketItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TicketId = table.Column<Guid>(type: "uuid", nullable: false),
                    LineId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Quantity = table.Column<long>(type: "bigint", nullable: false),
                    Change = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    QuantityBefore = table.Column<long>(type: "bigint", nullable: false),
                    ModifiersText = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AllergensText = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    DoneAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KitchenTicketItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KitchenTicketItems_KitchenTickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "KitchenTickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_KitchenRoutes_StationId",
                table: "KitchenRoutes",
                column: "StationId");

            migrationBuilder.CreateIndex(
                name: "IX_KitchenRoutes_StoreId_CategoryId",
                table: "KitchenRoutes",
                columns: new[] { "StoreId", "CategoryId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KitchenRoutes_StoreId_ProductId",
                table: "KitchenRoutes",
                columns: new[] { "StoreId", "ProductId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KitchenStations_StoreId_Position",
                table: "KitchenStations",
                columns: new[] { "StoreId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_KitchenTicketItems_LineId",
                table: "KitchenTicketItems",
                column: "LineId");

            migrationBuilder.CreateIndex(
                name: "IX_KitchenTicketItems_TicketId",
                table: "KitchenTicketItems",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_KitchenTickets_SaleId_Course",
                table: "KitchenTickets",
                columns: new[] { "SaleId", "Course" });

            migrationBuilder.CreateIndex(
                name: "IX_KitchenTickets_StationId_Status",
                table: "KitchenTickets",
                columns: new[] { "StationId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "KitchenRoutes");

            migrationBuilder.DropTable(
                name: "KitchenTicketItems");

            migrationBuilder.DropTable(
                name: "KitchenTickets");

            migrationBuilder.DropTable(
                name: "KitchenStations");

            migrationBuilder.DropColumn(
                name: "Course",
                table: "SaleLines");
        }
    }
}
