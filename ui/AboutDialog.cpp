#include "AboutDialog.h"

#include "app/about/ComponentVersions.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSysInfo>
#include <QTabWidget>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ledger::gui {

namespace {

QLabel *valueLabel(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    l->setTextFormat(Qt::PlainText);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    l->setWordWrap(true);
    return l;
}

} // namespace

QString AboutDialog::thirdPartyNotices()
{
    return QStringLiteral(
        "Copilot Ledger is licensed under the Apache License, Version 2.0.\n"
        "\n"
        "It uses the following third-party components:\n"
        "\n"
        "Qt %1 (Qt Core, Qt Gui, Qt Widgets, Qt Network, Qt Sql)\n"
        "  Copyright (C) The Qt Company Ltd. and other contributors.\n"
        "  Used under the GNU Lesser General Public License version 3 (LGPLv3).\n"
        "  The Qt libraries are linked dynamically and can be replaced by the user;\n"
        "  the source code is available from https://download.qt.io/\n"
        "\n"
        "QtKeychain %2\n"
        "  Copyright (C) 2011-2024 Frank Osterfeld and contributors.\n"
        "  Used under the Modified BSD License (BSD-3-Clause):\n"
        "  Redistribution and use in source and binary forms, with or without modification,\n"
        "  are permitted provided that the copyright notice, this list of conditions and the\n"
        "  disclaimer are retained. THIS SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY\n"
        "  OF ANY KIND.\n"
        "\n"
        "SQLite %3 (through the Qt SQL driver)\n"
        "  Public domain.\n")
        .arg(ComponentVersions::qtRuntime(), ComponentVersions::qtKeychain(),
             ComponentVersions::sqlite().isEmpty() ? tr("(not available)") : ComponentVersions::sqlite());
}

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About Copilot Ledger"));
    setObjectName(u"AboutDialog"_s);
    auto *v = new QVBoxLayout(this);

    // Title block
    auto *head = new QHBoxLayout;
    auto *icon = new QLabel(this);
    const QIcon appIcon = QApplication::windowIcon();
    if (!appIcon.isNull())
        icon->setPixmap(appIcon.pixmap(64, 64));
    icon->setFixedSize(72, 72);
    icon->setAlignment(Qt::AlignCenter);
    head->addWidget(icon, 0, Qt::AlignTop);
    auto *titles = new QVBoxLayout;
    auto *name = new QLabel(tr("Copilot Ledger"), this);
    QFont nf = name->font();
    nf.setPointSizeF(nf.pointSizeF() * 1.6);
    nf.setWeight(QFont::DemiBold);
    name->setFont(nf);
    titles->addWidget(name);
    titles->addWidget(valueLabel(tr("Version %1").arg(ComponentVersions::application()), this));
    auto *blurb = valueLabel(tr("Browse and export Microsoft 365 Copilot interaction history for compliance "
                                "reviews and audits."),
                             this);
    blurb->setForegroundRole(QPalette::PlaceholderText);
    titles->addWidget(blurb);
    head->addLayout(titles, 1);
    v->addLayout(head);

    auto *tabs = new QTabWidget(this);
    v->addWidget(tabs, 1);

    // Components
    auto *info = new QWidget(tabs);
    auto *form = new QFormLayout(info);
    form->setLabelAlignment(Qt::AlignRight);
    const QString sqlite = ComponentVersions::sqlite();
    const QList<QPair<QString, QString>> rows{
        {tr("Version"), ComponentVersions::application()},
        {tr("Qt (run time)"), ComponentVersions::qtRuntime()},
        {tr("Qt (build time)"), ComponentVersions::qtBuild()},
        {tr("QtKeychain"), ComponentVersions::qtKeychain()},
        {tr("SQLite"), sqlite.isEmpty() ? tr("not available (Qt SQLite driver missing)") : sqlite},
        {tr("System"), QSysInfo::prettyProductName() + u" ("_s + QSysInfo::currentCpuArchitecture() + u')'},
        {tr("Licence"), tr("Apache License 2.0")},
        {tr("Data folder"), ComponentVersions::dataFolder()},
    };
    QStringList lines;
    for (const auto &[label, value] : rows) {
        form->addRow(label + u':', valueLabel(value, info));
        lines << label + u": "_s + value;
    }
    m_details = u"Copilot Ledger\n"_s + lines.join(u'\n');
    auto *openFolder = new QPushButton(tr("Open Data Folder"), info);
    openFolder->setEnabled(QFileInfo::exists(ComponentVersions::dataFolder()));
    connect(openFolder, &QPushButton::clicked, this,
            [] { QDesktopServices::openUrl(QUrl::fromLocalFile(ComponentVersions::dataFolder())); });
    form->addRow(QString(), openFolder);
    tabs->addTab(info, tr("Components"));

    // Notices
    auto *notices = new QPlainTextEdit(thirdPartyNotices(), tabs);
    notices->setReadOnly(true);
    notices->setObjectName(u"thirdPartyNotices"_s);
    tabs->addTab(notices, tr("Licences && Notices"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *copy = buttons->addButton(tr("Copy Details"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(detailsText()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    v->addWidget(buttons);
    resize(560, 440);
}

QString AboutDialog::detailsText() const
{
    return m_details;
}

} // namespace ledger::gui
