using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kasse.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StoreAccess : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Stores",
                table: "Employees",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Stores",
                table: "ApiKeys",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            // Until now everyone reached every store. Owners and accountants stay chain-wide; in a one-store shop
            // everyone else works in that store; with several stores they get none until the owner names theirs
            // (safe: nobody silently keeps access to a store they should not see).
            migrationBuilder.Sql("""UPDATE "Employees" SET "Stores" = '*' WHERE "Role" IN ('Owner', 'Accountant');""");
            migrationBuilder.Sql("""UPDATE "Employees" SET "Stores" = (SELECT "Id" FROM "Stores") WHERE "Role" NOT IN ('Owner', 'Accountant') AND (SELECT COUNT(*) FROM "Stores") = 1;""");
            migrationBuilder.Sql("""UPDATE "ApiKeys" SET "Stores" = '*' WHERE "Role" IN ('Owner', 'Accountant');""");
            migrationBuilder.Sql("""UPDATE "ApiKeys" SET "Stores" = (SELECT "Id" FROM "Stores") WHERE "Role" NOT IN ('Owner', 'Accountant') AND (SELECT COUNT(*) FROM "Stores") = 1;""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Stores",
                table: "Employees");

            migrationBuilder.DropColumn(
                name: "Stores",
                table: "ApiKeys");
        }
    }
}
