{{/* Chart name, cut to the 63 characters a label value may hold. */}}
{{- define "osteon.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Full name of the objects: release plus chart name, unless the release already holds it. */}}
{{- define "osteon.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Labels on every object. */}}
{{- define "osteon.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "osteon.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* Labels that select the pods; they must never change between releases. */}}
{{- define "osteon.selectorLabels" -}}
app.kubernetes.io/name: {{ include "osteon.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "osteon.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "osteon.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The port the container serves the API on: HTTPS on 8443 with TLS, else HTTP on 8080. */}}
{{- define "osteon.containerPort" -}}
{{- if .Values.tls.http.enabled }}8443{{ else }}8080{{ end }}
{{- end }}

{{- define "osteon.scheme" -}}
{{- if .Values.tls.http.enabled }}HTTPS{{ else }}HTTP{{ end }}
{{- end }}
