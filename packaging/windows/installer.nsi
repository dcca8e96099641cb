; Bascule's Windows installer, built by Debian's makensis from `cargo xtask bundle --windows`
; (Tauri's NSIS bundler downloads a plugin DLL at build time, which this project's machines
; cannot). What a user expects of a per-user installer: no administrator rights, a Start
; menu entry, `.bascule` files opening in Bascule, an uninstaller listed in Settings → Apps,
; pages in French and English, and a clear word when the WebView2 runtime is missing.
;
; makensis -DVERSION=0.1.0 -DSTAGE=<folder> -DOUTFILE=<setup.exe> -DICON=<icon.ico>
;          [-DSIGN=<sign.sh>] installer.nsi
; STAGE holds bascule-desktop.exe, bascule.exe, WebView2Loader.dll and licences.txt;
; SIGN, when the publisher signs, signs the uninstaller this script writes.

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma
; The app is x86-64 only, and so is its installer (a 32-bit Windows, which no longer ships,
; refuses it itself).
Target amd64-unicode
RequestExecutionLevel user

!include MUI2.nsh
!include FileFunc.nsh
!include LogicLib.nsh

!define PRODUCT "Bascule"
!define PUBLISHER "Bascule"
!define APP "bascule-desktop.exe"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${PRODUCT}"
!define PRODUCTKEY "Software\${PRODUCT}"
!define PROGID "Bascule.Scenario"
!define WEBVIEW2 "{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"

!ifdef SIGN
  !uninstfinalize 'sh "${SIGN}" "%1"'
!endif

Name "${PRODUCT}"
OutFile "${OUTFILE}"
; Per user, where Windows puts per-user programs; an earlier install's folder wins.
InstallDir "$LOCALAPPDATA\Programs\${PRODUCT}"
InstallDirRegKey HKCU "${PRODUCTKEY}" "InstallLocation"
BrandingText "${PRODUCT} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${PRODUCT}"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "FileDescription" "${PRODUCT} ${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "© 2026 ${PUBLISHER}"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
; The welcome and finish pages' side: the icon on the app's accent colour (made once from
; icons/icon.png with ImageMagick: 164×314, 24-bit BMP).
!define MUI_WELCOMEFINISHPAGE_BITMAP "${__FILEDIR__}/sidebar.bmp"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_WINDOWTITLE "Bascule"
!define MUI_LANGDLL_INFO "Langue de l'installation / Language of the installation"
!define MUI_LANGDLL_REGISTRY_ROOT HKCU
!define MUI_LANGDLL_REGISTRY_KEY "${PRODUCTKEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "Installer Language"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP}"
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; French first: the language of most of Bascule's users, and the default when Windows
; speaks neither.
!insertmacro MUI_LANGUAGE "French"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString FileType ${LANG_FRENCH} "Scénario Bascule"
LangString FileType ${LANG_ENGLISH} "Bascule scenario"
LangString Comment ${LANG_FRENCH} "Coûts et risques d'une bascule vers une offre de confiance"
LangString Comment ${LANG_ENGLISH} "Costs and risks of moving to a trusted cloud offer"
LangString NoWebView2 ${LANG_FRENCH} "Bascule a besoin du runtime Microsoft Edge WebView2, que Windows 10 et 11 fournissent normalement. Il manque sur cet ordinateur : Bascule s'installe, mais sa fenêtre ne s'ouvrira pas tant que le runtime « Microsoft Edge WebView2 » n'est pas installé (demandez-le à votre service informatique ; son installateur autonome fonctionne sans réseau). La ligne de commande bascule.exe fonctionne sans lui."
LangString NoWebView2 ${LANG_ENGLISH} "Bascule needs the Microsoft Edge WebView2 Runtime, which Windows 10 and 11 normally include. This computer does not have it: Bascule is installed, but its window will not open until the Microsoft Edge WebView2 Runtime is installed (ask your IT department; its standalone installer works offline). The command line bascule.exe works without it."
LangString NoWebView2Short ${LANG_FRENCH} "Runtime Microsoft Edge WebView2 absent"
LangString NoWebView2Short ${LANG_ENGLISH} "Microsoft Edge WebView2 Runtime missing"
LangString Running ${LANG_FRENCH} "Bascule est ouvert. Fermez-le, puis cliquez sur Réessayer."
LangString Running ${LANG_ENGLISH} "Bascule is open. Close it, then click Retry."

Function .onInit
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Function un.onInit
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

; The runtime is the system's (Evergreen): registered per machine or per user.
Function CheckWebView2
  ReadRegStr $0 HKLM "SOFTWARE\WOW6432Node\Microsoft\EdgeUpdate\Clients\${WEBVIEW2}" "pv"
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ReadRegStr $0 HKLM "SOFTWARE\Microsoft\EdgeUpdate\Clients\${WEBVIEW2}" "pv"
  ${EndIf}
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ReadRegStr $0 HKCU "Software\Microsoft\EdgeUpdate\Clients\${WEBVIEW2}" "pv"
  ${EndIf}
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    DetailPrint "$(NoWebView2Short)"
    MessageBox MB_ICONEXCLAMATION "$(NoWebView2)" /SD IDOK
  ${Else}
    DetailPrint "WebView2 $0"
  ${EndIf}
FunctionEnd

Section "Bascule"
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  ; Replacing a running bascule-desktop.exe fails: say so rather than leave a mixed install.
  SetOverwrite try
  retry:
  ClearErrors
  File "${STAGE}/${APP}"
  ${If} ${Errors}
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(Running)" /SD IDCANCEL IDRETRY retry
    Abort
  ${EndIf}
  SetOverwrite on
  File "${STAGE}/bascule.exe"
  File "${STAGE}/WebView2Loader.dll"
  File "${STAGE}/licences.txt"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${PRODUCT}.lnk" "$INSTDIR\${APP}" "" "$INSTDIR\${APP}" 0 SW_SHOWNORMAL "" "$(Comment)"

  ; `.bascule` files open in Bascule (per user: HKCU's classes need no rights).
  WriteRegStr HKCU "Software\Classes\.bascule" "" "${PROGID}"
  WriteRegStr HKCU "Software\Classes\.bascule" "Content Type" "application/x-bascule-scenario"
  WriteRegStr HKCU "Software\Classes\.bascule\OpenWithProgids" "${PROGID}" ""
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "$(FileType)"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\${APP},0"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\${APP}" "%1"'
  ; SHCNE_ASSOCCHANGED: Explorer shows the new icon and verb without a restart.
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  ; Settings → Apps lists it, with its uninstaller.
  WriteRegStr HKCU "${PRODUCTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\${APP},0"
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTKEY}" "EstimatedSize" $0

  Call CheckWebView2
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$INSTDIR\${APP}"
  Delete "$INSTDIR\bascule.exe"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\licences.txt"
  Delete "$INSTDIR\uninstall.exe"
  ; Only if empty: a file the user put there stays, and so does the folder.
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${PRODUCT}.lnk"

  ; The association only if it is still ours (another program may have taken `.bascule`).
  ReadRegStr $0 HKCU "Software\Classes\.bascule" ""
  ${If} $0 == "${PROGID}"
    DeleteRegKey HKCU "Software\Classes\.bascule"
  ${Else}
    DeleteRegValue HKCU "Software\Classes\.bascule\OpenWithProgids" "${PROGID}"
  ${EndIf}
  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  DeleteRegKey HKCU "${UNINSTKEY}"
  DeleteRegKey HKCU "${PRODUCTKEY}"
  ; The user's scenarios, autosave and trusted packs (in their AppData) are theirs: kept.
SectionEnd
