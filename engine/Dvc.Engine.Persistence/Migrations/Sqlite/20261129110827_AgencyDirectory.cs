using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dvc.Engine.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AgencyDirectory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Agencies",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NameVi = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ParentCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    IsGroup = table.Column<bool>(type: "INTEGER", nullable: false),
                    UnitVersion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UnitId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agencies", x => x.Code);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Agencies_ParentCode",
                table: "Agencies",
                column: "ParentCode");

            migrationBuilder.CreateIndex(
                name: "IX_Agencies_UnitVersion_UnitId",
                table: "Agencies",
                columns: new[] { "UnitVersion", "UnitId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Agencies");
        }
    }
}
